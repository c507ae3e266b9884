package dev.vitrine.api.search.query;

import dev.vitrine.api.image.query.ImageView;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ImageMatch", description = "An image that matches, with the name of the gallery it is in")
public record ImageMatch(ImageView image, String galleryName) {}
