package dev.vitrine.processing.imaging;

/** One variant of one image in one format: its size and its encoded bytes. */
public record EncodedVariant(VariantSpec spec, Encoding encoding, int width, int height, byte[] bytes) {}
