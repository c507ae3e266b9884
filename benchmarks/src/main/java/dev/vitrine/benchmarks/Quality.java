package dev.vitrine.benchmarks;

import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;

/**
 * PSNR of an encoded variant against a Lanczos reference: the original decoded in full (no shrink-on-load),
 * upright, in sRGB, resized with lanczos3 to exactly the variant's size, everything laid over white.
 */
final class Quality {

    private final Vips vips;

    Quality(Vips vips) {
        this.vips = vips;
    }

    double psnr(byte[] original, byte[] encoded) {
        try (VipsBlob encodedBlob = vips.blob(encoded);
                VipsImage variant = vips.open(encodedBlob, "");
                VipsImage variantRgb = rgbOverWhite(variant);
                VipsBlob originalBlob = vips.blob(original);
                VipsImage decoded = vips.open(originalBlob, "");
                VipsImage upright = vips.apply("autorot", decoded, "");
                VipsImage srgb = upright.hasField("icc-profile-data") || upright.interpretation() == VipsImage.CMYK
                        ? vips.apply(
                                "icc_transform",
                                upright,
                                "output_profile=srgb,embedded=true,intent=relative"
                                        + (upright.interpretation() == VipsImage.CMYK
                                                        && !upright.hasField("icc-profile-data")
                                                ? ",input_profile=cmyk"
                                                : ""))
                        : vips.apply("colourspace", upright, "space=srgb");
                VipsImage resized = vips.apply(
                        "resize",
                        srgb,
                        "scale=" + ((double) variant.width() / srgb.width()) + ",vscale="
                                + ((double) variant.height() / srgb.height()) + ",kernel=lanczos3");
                VipsImage referenceRgb = rgbOverWhite(resized)) {
            return psnrOf(referenceRgb.pixels(), variantRgb.pixels());
        }
    }

    private VipsImage rgbOverWhite(VipsImage image) {
        try (VipsImage srgb = vips.apply("colourspace", image, "space=srgb");
                VipsImage flat = srgb.hasAlpha()
                        ? vips.apply("flatten", srgb, "background=255")
                        : vips.apply("copy", srgb, "")) {
            return vips.apply("cast", flat, "format=uchar");
        }
    }

    private static double psnrOf(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        double squared = 0;
        for (int i = 0; i < n; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            squared += d * d;
        }
        double mse = squared / n;
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
