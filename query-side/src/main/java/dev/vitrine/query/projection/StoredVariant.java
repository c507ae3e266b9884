package dev.vitrine.query.projection;

import dev.vitrine.api.image.ImageVariant;

/** A variant as the read model keeps it: where it is stored, not yet how a browser reaches it. */
public record StoredVariant(
        ImageVariant.Size size,
        ImageVariant.Format format,
        int width,
        int height,
        long bytes,
        String objectKey,
        int generation) {}
