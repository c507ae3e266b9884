package dev.vitrine.api.image.event;

import dev.vitrine.api.ImageEvent;
import java.util.List;
import java.util.UUID;

/** The image's tags are now {@code tags} (lower-cased, each once; empty: none); {@code added} and {@code removed} say what changed. */
public record ImageTagsChanged(
        UUID imageId, UUID galleryId, List<String> tags, List<String> added, List<String> removed)
        implements ImageEvent {}
