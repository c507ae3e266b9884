package dev.vitrine.processing.imaging;

/** An image's stored size, as its header says (before any rotation). */
public record ImageHeader(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
