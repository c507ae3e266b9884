package dev.vitrine.processing.imaging;

/** What an image is: its upright size, a BlurHash to show while it loads, and the format its bytes are in. */
public record ImageAnalysis(int width, int height, String blurhash, SourceFormat format) {}
