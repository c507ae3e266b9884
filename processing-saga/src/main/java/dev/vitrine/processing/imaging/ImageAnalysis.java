package dev.vitrine.processing.imaging;

/** What an image is: its upright size and a BlurHash to show while it loads. */
public record ImageAnalysis(int width, int height, String blurhash) {
}
