package dev.vitrine.query.gallery;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryScope;
import dev.vitrine.api.gallery.query.FindGalleries;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.FindGalleryMembers;
import dev.vitrine.api.gallery.query.GalleryMembers;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.query.cache.CacheSettings;
import dev.vitrine.query.web.CachedReads;
import dev.vitrine.query.web.FreshAnswer;
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
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Galleries")
class GalleryReadController {

    private final Queries queries;
    private final CachedReads reads;
    private final CacheSettings cache;

    GalleryReadController(Queries queries, CachedReads reads, CacheSettings cache) {
        this.queries = queries;
        this.reads = reads;
        this.cache = cache;
    }

    @GetMapping(ReadRoutes.GALLERIES)
    @Operation(
            summary = "Public galleries and your own, or (scope=shared) those shared with you; newest first (keyset"
                    + " pagination)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GalleryPage.class)))
    Mono<ResponseEntity<byte[]>> list(
            @Parameter(description = "pagination.cursor of the previous page")
                    @RequestParam(name = ReadRoutes.CURSOR, required = false)
                    String cursor,
            @Parameter(
                            description = "all (default): public galleries and your own; shared: those others made"
                                    + " you a member of, whatever their visibility",
                            schema = @Schema(allowableValues = {"all", "shared"}))
                    @RequestParam(name = ReadRoutes.SCOPE, required = false)
                    String scope,
            @RequestParam(name = ReadRoutes.LIMIT, defaultValue = "" + PageLimits.DEFAULT_LIMIT)
                    @Min(1)
                    @Max(PageLimits.MAX_LIMIT)
                    int limit,
            Caller caller,
            ServerHttpRequest request) {
        Actor viewer = caller.actor();
        GalleryScope inScope = parseScope(scope);
        return Mono.fromCallable(() -> parse(cursor))
                .flatMap(after -> reads.answer(
                        request,
                        viewer,
                        origin -> queries.ask(new FindGalleries(viewer, inScope, after.orElse(null), limit))
                                .map(page -> FreshAnswer.listing(page, viewer, cache.ttl()))));
    }

    @GetMapping(ReadRoutes.GALLERY)
    @Operation(summary = "One gallery (404 when it does not exist for you)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GalleryView.class)))
    Mono<ResponseEntity<byte[]>> get(@PathVariable UUID galleryId, Caller caller, ServerHttpRequest request) {
        Actor viewer = caller.actor();
        return reads.answer(
                request,
                viewer,
                origin -> queries.require(
                                FindGallery.now(galleryId, viewer),
                                ErrorCode.GALLERY_NOT_FOUND,
                                "no gallery " + galleryId)
                        .map(gallery -> FreshAnswer.of(gallery, gallery.visibility(), viewer, cache.ttl())));
    }

    @GetMapping(ReadRoutes.GALLERY + "/members")
    @Operation(summary = "Who the gallery is shared with (its owner and members may know)")
    Mono<GalleryMembers> members(@PathVariable UUID galleryId, Caller caller) {
        Actor viewer = caller.actor();
        if (viewer.isAnonymous()) {
            return Mono.error(RejectedException.of(ErrorCode.UNAUTHENTICATED, "sign in to see a gallery's members"));
        }
        return queries.require(
                        FindGallery.now(galleryId, viewer), ErrorCode.GALLERY_NOT_FOUND, "no gallery " + galleryId)
                .flatMap(gallery -> gallery.yourRole() == null
                        ? Mono.error(
                                RejectedException.forbidden("only the gallery's owner and members see its members"))
                        : queries.require(
                                new FindGalleryMembers(galleryId, viewer),
                                ErrorCode.GALLERY_NOT_FOUND,
                                "no gallery " + galleryId));
    }

    private static GalleryScope parseScope(String scope) {
        try {
            return GalleryScope.fromWireName(scope);
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid(ReadRoutes.SCOPE, "must be all or shared");
        }
    }

    private static Optional<Cursor> parse(String cursor) {
        try {
            return Cursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid(ReadRoutes.CURSOR, e.getMessage());
        }
    }
}
