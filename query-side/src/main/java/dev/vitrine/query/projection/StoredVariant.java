package dev.vitrine.query.projection;

import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;

/** A variant as the read model keeps it: where it is stored, not yet how a browser reaches it. */
public record StoredVariant(
        VariantSize size, VariantFormat format, int width, int height, long bytes, String objectKey, int generation) {}
