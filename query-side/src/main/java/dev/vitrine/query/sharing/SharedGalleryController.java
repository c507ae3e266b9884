package dev.vitrine.query.sharing;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.operations.PublicAddress;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.api.sharing.http.UnlockRequest;
import dev.vitrine.api.sharing.query.FindSharedGallery;
import dev.vitrine.api.sharing.query.FindSharedImages;
import dev.vitrine.api.sharing.query.UnlockGrant;
import dev.vitrine.query.media.VariantAnswer;
import dev.vitrine.query.media.VariantObjects;
import dev.vitrine.query.web.ImageCursor;
import dev.vitrine.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A gallery as a share link opens it, for anyone holding the token, signed in or not: the gallery, its published
 * images and their variants, all under {@code /api/shared/{token}}. Nothing here is cached by anyone but the
 * holder's browser, and that only revalidated: the link is asked about on every request.
 */
@RestController
@Tag(name = "Sharing")
class SharedGalleryController {

    static final String SHARED = "/api/shared/{token}";
    private static final CacheControl HOLDER_ONLY = CacheControl.noCache().cachePrivate();

    private final SharedLinks links;
    private final Queries queries;
    private final VariantObjects objects;
    private final ShareLinkRows rows;
    private final PublicAddress address;

    SharedGalleryController(
            SharedLinks links, Queries queries, VariantObjects objects, ShareLinkRows rows, PublicAddress address) {
        this.address = address;
        this.links = links;
        this.queries = queries;
        this.objects = objects;
        this.rows = rows;
    }

    @GetMapping(SHARED)
    @Operation(
            summary = "The gallery a share link opens (401 password_required until unlocked; 410 once revoked or "
                    + "expired)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GalleryView.class)))
    Mono<ResponseEntity<GalleryView>> gallery(@PathVariable String token, ServerHttpRequest request) {
        return links.open(token, request)
                .flatMap(link -> queries.require(
                                new FindSharedGallery(link.galleryId()),
                                ErrorCode.GALLERY_DELETED,
                                "the shared gallery has been deleted")
                        .doOnNext(gallery -> links.opened(link, request)))
                .map(gallery -> ResponseEntity.ok().cacheControl(HOLDER_ONLY).body(gallery));
    }

    @GetMapping(SHARED + "/images")
    @Operation(summary = "The published images of the gallery a share link opens, newest first (keyset pagination)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImagePage.class)))
    Mono<ResponseEntity<ImagePage>> images(
            @PathVariable String token,
            @Parameter(description = "pagination.cursor of the previous page") @RequestParam(required = false)
                    String cursor,
            @RequestParam(defaultValue = "" + PageLimits.DEFAULT_LIMIT) @Min(1) @Max(PageLimits.MAX_LIMIT) int limit,
            ServerHttpRequest request) {
        return Mono.fromCallable(() -> Optional.ofNullable(ImageCursor.parse(cursor)))
                .flatMap(after -> links.open(token, request)
                        .flatMap(link -> queries.ask(new FindSharedImages(
                                link.galleryId(),
                                address.origin(request.getURI()) + "/api/shared/" + token + "/media",
                                limit,
                                after.orElse(null)))))
                .map(page -> ResponseEntity.ok().cacheControl(HOLDER_ONLY).body(page));
    }

    @PostMapping(SHARED + "/unlock")
    @Operation(
            summary = "Give a password link its password: a grant for a while, as an HttpOnly cookie for the link's "
                    + "routes and in the answer, to send back as Authorization: Bearer")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnlockGrant.class)))
    Mono<ResponseEntity<UnlockGrant>> unlock(
            @PathVariable String token, @Valid @RequestBody UnlockRequest body, ServerHttpRequest request) {
        return links.unlock(token, body.password()).map(grant -> {
            ResponseCookie cookie = ResponseCookie.from(SharedLinks.GRANT_COOKIE, grant.grant())
                    .path("/api/shared/" + token)
                    .httpOnly(true)
                    .secure("https".equals(request.getURI().getScheme()))
                    .sameSite("Lax")
                    .maxAge(links.grantLifetime())
                    .build();
            return ResponseEntity.ok()
                    .header(HttpHeaders.SET_COOKIE, cookie.toString())
                    .cacheControl(CacheControl.noStore())
                    .body(grant);
        });
    }

    @GetMapping(SHARED + "/media/{imageId}/{generation:g\\d+}/{file:[a-z]+-[0-9a-f]+\\.(?:webp|avif)}")
    @Operation(summary = "A variant of a published image, through the share link (checked on every request)")
    @ApiResponse(
            responseCode = "200",
            description = "The variant's bytes; the browser revalidates each time (304 while the link works)",
            content = {
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/avif", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)", content = @Content)
    Mono<ResponseEntity<Flux<DataBuffer>>> media(
            @PathVariable String token,
            @PathVariable UUID imageId,
            @PathVariable String generation,
            @PathVariable String file,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            ServerHttpRequest request) {
        return links.open(token, request).flatMap(link -> {
            String objectKey = link.galleryId() + "/" + imageId + "/" + generation + "/" + file;
            return rows.isPublishedVariant(link.galleryId(), imageId, objectKey)
                    .filter(Boolean::booleanValue)
                    .flatMap(published -> objects.read(objectKey, ifNoneMatch))
                    .map(variant -> VariantAnswer.of(variant, HOLDER_ONLY.getHeaderValue()))
                    .switchIfEmpty(Mono.error(() -> RejectedException.of(
                            ErrorCode.MEDIA_NOT_FOUND, "no published variant " + imageId + "/" + file)));
        });
    }
}
