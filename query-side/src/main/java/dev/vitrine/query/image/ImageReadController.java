package dev.vitrine.query.image;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.image.ImageOrder;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.ImageTags;
import dev.vitrine.api.image.query.FindGalleryImages;
import dev.vitrine.api.image.query.FindGalleryTags;
import dev.vitrine.api.image.query.FindImage;
import dev.vitrine.api.image.query.FindNearDuplicates;
import dev.vitrine.api.image.query.GalleryTags;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.image.query.NearDuplicateGroups;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.query.cache.CacheSettings;
import dev.vitrine.query.web.CachedReads;
import dev.vitrine.query.web.FreshAnswer;
import dev.vitrine.query.web.ImageCursor;
import dev.vitrine.query.web.Queries;
import dev.vitrine.query.web.ReadRoutes;
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
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Images")
class ImageReadController {

    private final Queries queries;
    private final CachedReads reads;
    private final CacheSettings cache;
    private final VariantLinks links;
    private final DuplicateSettings duplicates;

    ImageReadController(
            Queries queries, CachedReads reads, CacheSettings cache, VariantLinks links, DuplicateSettings duplicates) {
        this.queries = queries;
        this.duplicates = duplicates;
        this.reads = reads;
        this.cache = cache;
        this.links = links;
    }

    @GetMapping(ReadRoutes.IMAGES)
    @Operation(
            summary = "A page of the gallery's images, newest first, by page number or by cursor; the owner may "
                    + "ask for one status only")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImagePage.class)))
    Mono<ResponseEntity<byte[]>> list(
            @PathVariable UUID galleryId,
            @Parameter(schema = @Schema(allowableValues = {"processing", "published", "rejected", "stalled"}))
                    @RequestParam(name = ReadRoutes.STATUS, required = false)
                    ImageStatus status,
            @RequestParam(name = ReadRoutes.PAGE, defaultValue = "" + ReadRoutes.FIRST_PAGE)
                    @Min(ReadRoutes.FIRST_PAGE)
                    @Max(ReadRoutes.LAST_PAGE)
                    int page,
            @RequestParam(name = ReadRoutes.LIMIT, defaultValue = "" + PageLimits.DEFAULT_LIMIT)
                    @Min(1)
                    @Max(PageLimits.MAX_LIMIT)
                    int limit,
            @Parameter(description = "pagination.cursor of the previous page (then page is ignored)")
                    @RequestParam(name = ReadRoutes.CURSOR, required = false)
                    String cursor,
            @Parameter(
                            description = "uploaded (the default): by upload; taken: by when each photo was taken, "
                                    + "photos whose file does not say after the others",
                            schema = @Schema(allowableValues = {"uploaded", "taken"}))
                    @RequestParam(name = ReadRoutes.SORT, required = false)
                    String sort,
            @Parameter(description = "only the images carrying this tag (compared lower-cased)")
                    @RequestParam(name = ReadRoutes.TAG, required = false)
                    String tag,
            Caller caller,
            ServerHttpRequest request) {
        Actor viewer = caller.actor();
        ImageOrder order = order(sort);
        String tagged = ImageTags.filter(tag);
        return Mono.fromCallable(() -> Optional.ofNullable(ImageCursor.parse(cursor, order)))
                .flatMap(after -> reads.answer(
                        request,
                        viewer,
                        origin -> gallery(galleryId, viewer, ErrorCode.GALLERY_NOT_FOUND, "no gallery " + galleryId)
                                .flatMap(gallery -> queries.require(
                                                new FindGalleryImages(
                                                        galleryId,
                                                        viewer,
                                                        status,
                                                        tagged,
                                                        order,
                                                        page,
                                                        limit,
                                                        after.orElse(null),
                                                        origin),
                                                ErrorCode.GALLERY_NOT_FOUND,
                                                "no gallery " + galleryId)
                                        .map(images -> fresh(images, gallery, viewer)))));
    }

    @GetMapping(ReadRoutes.IMAGE)
    @Operation(summary = "One image (404 when it does not exist for you)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImageView.class)))
    Mono<ResponseEntity<byte[]>> get(
            @PathVariable UUID galleryId, @PathVariable UUID imageId, Caller caller, ServerHttpRequest request) {
        Actor viewer = caller.actor();
        return reads.answer(
                request,
                viewer,
                origin -> gallery(
                                galleryId,
                                viewer,
                                ErrorCode.IMAGE_NOT_FOUND,
                                "no image " + imageId + " in gallery " + galleryId)
                        .flatMap(gallery -> queries.require(
                                        FindImage.now(galleryId, imageId, viewer, origin),
                                        ErrorCode.IMAGE_NOT_FOUND,
                                        "no image " + imageId + " in gallery " + galleryId)
                                .map(image -> fresh(image, gallery, viewer))));
    }

    @GetMapping(ReadRoutes.TAGS)
    @Operation(summary = "The tags of the images you see in the gallery, with how many carry each, most used first")
    Mono<GalleryTags> tags(@PathVariable UUID galleryId, Caller caller) {
        return queries.require(
                new FindGalleryTags(galleryId, caller.actor()), ErrorCode.GALLERY_NOT_FOUND, "no gallery " + galleryId);
    }

    @GetMapping(ReadRoutes.GALLERY + "/duplicates")
    @Operation(
            summary = "The gallery's photos that look alike (resized, recompressed, slightly cropped or converted "
                    + "copies), in groups, for its owner and editors to keep one of each")
    Mono<ResponseEntity<NearDuplicateGroups>> duplicates(
            @PathVariable UUID galleryId,
            @Parameter(
                            description = "how many of the 64 bits of two fingerprints may differ (default: the "
                                    + "vitrine.duplicates.max-distance setting)",
                            schema = @Schema(type = "integer", minimum = "0", maximum = "" + DuplicateSettings.MAX))
                    @RequestParam(name = "maxDistance", required = false)
                    @Min(0)
                    @Max(DuplicateSettings.MAX)
                    Integer maxDistance,
            Caller caller) {
        Actor viewer = caller.actor();
        if (viewer.isAnonymous()) {
            return Mono.error(RejectedException.of(ErrorCode.UNAUTHENTICATED, "sign in to review near-duplicates"));
        }
        return gallery(galleryId, viewer, ErrorCode.GALLERY_NOT_FOUND, "no gallery " + galleryId)
                .flatMap(gallery ->
                        gallery.yourRole() == null || !gallery.yourRole().reviewsDuplicates()
                                ? Mono.error(RejectedException.forbidden(
                                        "only the gallery's owner and editors review its near-duplicates"))
                                : queries.require(
                                        new FindNearDuplicates(
                                                galleryId,
                                                viewer,
                                                maxDistance == null ? duplicates.maxDistance() : maxDistance,
                                                caller.origin()),
                                        ErrorCode.GALLERY_NOT_FOUND,
                                        "no gallery " + galleryId))
                // answers may hold signed addresses of a private gallery's photos
                .map(groups -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore().cachePrivate())
                        .body(groups));
    }

    private static ImageOrder order(String sort) {
        try {
            return ImageOrder.fromWireName(sort);
        } catch (IllegalArgumentException unknown) {
            throw RejectedException.invalid(ReadRoutes.SORT, "sort must be uploaded or taken");
        }
    }

    private Mono<GalleryView> gallery(UUID galleryId, Actor viewer, ErrorCode notFound, String message) {
        return queries.require(FindGallery.now(galleryId, viewer), notFound, message);
    }

    private FreshAnswer fresh(Object body, GalleryView gallery, Actor viewer) {
        return FreshAnswer.of(body, gallery.visibility(), viewer, cache.ttl(), links.signedUrlLifetime());
    }
}
