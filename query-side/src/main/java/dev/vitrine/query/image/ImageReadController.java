package dev.vitrine.query.image;

import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.FindGalleryImages;
import dev.vitrine.api.image.query.FindImage;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.query.cache.CacheScope;
import dev.vitrine.query.cache.CacheSettings;
import dev.vitrine.query.web.CachedReads;
import dev.vitrine.query.web.FreshAnswer;
import dev.vitrine.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/galleries/{galleryId}/images")
@Tag(name = "Images")
class ImageReadController {

    private final Queries queries;
    private final CachedReads reads;
    private final CacheSettings cache;
    private final VariantLinks links;

    ImageReadController(Queries queries, CachedReads reads, CacheSettings cache, VariantLinks links) {
        this.queries = queries;
        this.reads = reads;
        this.cache = cache;
        this.links = links;
    }

    @GetMapping
    @Operation(
            summary = "A page of the gallery's images, newest first, by page number or by cursor; the owner may "
                    + "ask for one status only")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImagePage.class)))
    Mono<ResponseEntity<byte[]>> list(
            @PathVariable UUID galleryId,
            @RequestParam(required = false) ImageStatus status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "" + PageLimits.DEFAULT_LIMIT) @Min(1) @Max(PageLimits.MAX_LIMIT) int limit,
            @Parameter(description = "pagination.cursor of the previous page (then page is ignored)")
                    @RequestParam(required = false)
                    String cursor,
            Caller caller,
            ServerHttpRequest request) {
        Actor viewer = caller.actor();
        return Mono.fromCallable(() -> Optional.ofNullable(ImageReadKeys.cursor(cursor)))
                .flatMap(after -> reads.answer(
                        request,
                        CacheScope.gallery(galleryId),
                        ImageReadKeys.page(viewer, status, page, limit, after.orElse(null)),
                        () -> gallery(galleryId, viewer, "gallery_not_found", "no gallery " + galleryId)
                                .flatMap(gallery -> queries.require(
                                                new FindGalleryImages(
                                                        galleryId, viewer, status, page, limit, after.orElse(null)),
                                                ImagePage.class,
                                                "gallery_not_found",
                                                "no gallery " + galleryId)
                                        .map(images -> fresh(images, gallery, viewer)))));
    }

    @GetMapping("/{imageId}")
    @Operation(summary = "One image (404 when it does not exist for you)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImageView.class)))
    Mono<ResponseEntity<byte[]>> get(
            @PathVariable UUID galleryId, @PathVariable UUID imageId, Caller caller, ServerHttpRequest request) {
        Actor viewer = caller.actor();
        return reads.answer(
                request,
                CacheScope.gallery(galleryId),
                ImageReadKeys.image(viewer, imageId),
                () -> gallery(galleryId, viewer, "image_not_found", "no image " + imageId + " in gallery " + galleryId)
                        .flatMap(gallery -> queries.require(
                                        FindImage.now(galleryId, imageId, viewer),
                                        ImageView.class,
                                        "image_not_found",
                                        "no image " + imageId + " in gallery " + galleryId)
                                .map(image -> fresh(image, gallery, viewer))));
    }

    private Mono<GalleryView> gallery(UUID galleryId, Actor viewer, String notFoundCode, String message) {
        return queries.require(FindGallery.now(galleryId, viewer), GalleryView.class, notFoundCode, message);
    }

    private FreshAnswer fresh(Object body, GalleryView gallery, Actor viewer) {
        return FreshAnswer.of(body, gallery.visibility(), viewer, cache.ttl(), links.signedUrlLifetime());
    }
}
