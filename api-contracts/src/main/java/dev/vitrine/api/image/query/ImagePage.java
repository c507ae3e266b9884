package dev.vitrine.api.image.query;

import dev.vitrine.api.paging.PagePagination;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "ImageListResponse")
public record ImagePage(List<ImageView> images, PagePagination pagination) {}
