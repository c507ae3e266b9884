package dev.vitrine.api.image.query;

import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;

/** One stored rendition of an image; {@code url} is where a browser fetches it, {@code bytes} its file size. */
public record ImageVariant(VariantSize size, int width, int height, String url, VariantFormat format, long bytes) {}
