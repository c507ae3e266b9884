package dev.vitrine.processing.imaging;

import dev.vitrine.api.image.Fingerprint;

/**
 * What an image is: its upright size, a BlurHash to show while it loads, a fingerprint of what it looks like (to find
 * its near-duplicates, see {@code NearDuplicates}), and the format its bytes are in.
 */
public record ImageAnalysis(int width, int height, String blurhash, Fingerprint fingerprint, SourceFormat format) {}
