package dev.vitrine.processing.imaging;

import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.zip.InflaterInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** Decoding for checks: Java ImageIO (with TwelveMonkeys) wherever it can, libvips only for AVIF. */
final class Decoders {

    private Decoders() {}

    /** The first image of a file, as Java reads it (no EXIF rotation, ICC applied by TwelveMonkeys' JPEG reader). */
    static Raster java(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new AssertionError("Java has no reader for this file");
            }
            ImageReader reader = readers.next();
            reader.setInput(input);
            BufferedImage image = reader.read(0);
            reader.dispose();
            return Raster.of(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG with an embedded ICC profile (iCCP), converted to sRGB by Java's own colour management — JDK's PNG
     * reader leaves the values as stored.
     */
    static Raster javaColourManagedPng(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(input).next();
            reader.setInput(input);
            BufferedImage image = reader.read(0);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var iccp = (IIOMetadataNode) root.getElementsByTagName("iCCP").item(0);
            byte[] compressed = (byte[]) iccp.getUserObject();
            byte[] profile = new InflaterInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
            var source = new ICC_ColorSpace(ICC_Profile.getInstance(profile));
            var srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
            int[] argb = new int[image.getWidth() * image.getHeight()];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    float[] stored = image.getRaster().getPixel(x, y, (float[]) null);
                    float scale = (1 << image.getColorModel().getComponentSize(0)) - 1;
                    float[] rgb = srgb.fromCIEXYZ(
                            source.toCIEXYZ(new float[] {stored[0] / scale, stored[1] / scale, stored[2] / scale}));
                    argb[y * image.getWidth() + x] = 0xFF000000
                            | (Math.round(rgb[0] * 255) << 16)
                            | (Math.round(rgb[1] * 255) << 8)
                            | Math.round(rgb[2] * 255);
                }
            }
            reader.dispose();
            return new Raster(image.getWidth(), image.getHeight(), argb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AVIF has no Java decoder: libvips reads it. */
    static Raster vips(Vips vips, byte[] bytes) {
        try (VipsBlob blob = vips.blob(bytes);
                VipsImage image = vips.open(blob, "")) {
            return Raster.ofRgb(image.pixels(), image.width(), image.height(), image.bands());
        }
    }

    static Raster variant(Vips vips, EncodedVariant variant) {
        return variant.encoding() == Encoding.WEBP ? java(variant.bytes()) : vips(vips, variant.bytes());
    }
}
