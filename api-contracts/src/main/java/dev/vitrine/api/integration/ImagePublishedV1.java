package dev.vitrine.api.integration;

import java.util.UUID;

/**
 * {@code dev.vitrine.image.published.v1}: the image is visible, with its BlurHash and every WebP variant (AVIF
 * variants follow as {@code variant-generated} events). A reprocessed image is published again with a higher
 * {@code generation}.
 */
public record ImagePublishedV1(UUID imageId, UUID galleryId, int generation) implements IntegrationData {}
