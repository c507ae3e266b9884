package dev.vitrine.api.gallery.query;

import dev.vitrine.api.paging.CursorPagination;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "GalleryListResponse")
public record GalleryPage(List<GalleryView> galleries, CursorPagination pagination) {}
