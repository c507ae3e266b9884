package dev.vitrine.processing.imaging;

import dev.vitrine.processing.imaging.vips.VipsImage;

/**
 * How an image gets to sRGB. Colour management runs only when there is something to manage: a CMYK image (with
 * its own profile, or libvips' built-in CMYK profile when it has none) or an embedded ICC profile. Exporting to
 * sRGB from a profile-less RGB image would shift its colours. The transform is a separate icc_transform with an
 * explicit intent: libvips 8.14's thumbnail refuses some embedded CMYK profiles ("profile incompatible with
 * image") and would silently fall back to its generic one.
 */
record ColourHandling(boolean managed, String fallbackInputProfile) {

    static ColourHandling of(VipsImage opened) {
        boolean hasProfile = opened.hasField("icc-profile-data");
        boolean cmyk = opened.interpretation() == VipsImage.CMYK;
        return new ColourHandling(hasProfile || cmyk, cmyk && !hasProfile ? "cmyk" : null);
    }

    /** The icc_transform options to sRGB, for a managed image. */
    String transformOptions() {
        return "output_profile=srgb,embedded=true,intent=relative"
                + (fallbackInputProfile == null ? "" : ",input_profile=" + fallbackInputProfile);
    }
}
