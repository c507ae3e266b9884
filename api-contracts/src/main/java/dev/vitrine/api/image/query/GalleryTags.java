package dev.vitrine.api.image.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(name = "GalleryTags", description = "The tags of the images you see in the gallery, most used first")
public record GalleryTags(UUID galleryId, List<TagCount> tags) {}
