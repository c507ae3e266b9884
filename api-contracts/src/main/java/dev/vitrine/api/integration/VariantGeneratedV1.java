package dev.vitrine.api.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * {@code dev.vitrine.image.variant-generated.v1}. {@code url} is the variant's stable public URL when the gallery
 * was public as the variant was made, absolute ({@code VITRINE_PUBLIC_URL}{@code /media/…}, or the CDN's address
 * when one is configured: {@link dev.vitrine.api.operations.PublicAddress}), absent otherwise: signed URLs are never
 * part of an event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantGeneratedV1(
        UUID imageId,
        UUID galleryId,
        int generation,
        String size,
        String format,
        int width,
        int height,
        long bytes,
        String url)
        implements IntegrationData {}
