package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.VariantSize;

/** The seed's variant sizes: "inside" fits the box keeping the aspect ratio; "cover" fills it and crops. Never enlarged. */
public enum VariantSpec {
    LARGE(VariantSize.LARGE, 1920, 1080, false),
    MEDIUM(VariantSize.MEDIUM, 800, 800, false),
    SMALL(VariantSize.SMALL, 300, 300, false),
    THUMBNAIL(VariantSize.THUMBNAIL, 80, 80, true);

    private final VariantSize size;
    private final int width;
    private final int height;
    private final boolean cover;

    VariantSpec(VariantSize size, int width, int height, boolean cover) {
        this.size = size;
        this.width = width;
        this.height = height;
        this.cover = cover;
    }

    public VariantSize size() {
        return size;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Whether this size can be made from an image of that size without enlarging it: always for the sizes that fit
     * inside a box, as each box fits inside the one of the larger size before it (made in this enum's order); for
     * the cover size, when the image fills its box.
     */
    boolean canBeMadeFrom(int sourceWidth, int sourceHeight) {
        return !cover || (sourceWidth >= width && sourceHeight >= height);
    }

    /** The libvips thumbnail options that make this size from a larger image. */
    String thumbnailOptions() {
        return "height=" + height + ",size=down" + (cover ? ",crop=centre" : "");
    }
}
