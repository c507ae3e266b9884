package dev.vitrine.query.media;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.query.gallery.GalleryRows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The variants of public galleries at stable URLs: each URL names one content-addressed object, so browsers and a
 * CDN may keep it forever. The gallery's visibility is checked on every request that reaches Vitrine, which is
 * what makes a gallery turned private stop answering here at once (a CDN in front must also be purged: see
 * docs/caching.md). Originals are never served; private and unlisted galleries use signed URLs instead.
 */
@RestController
@Tag(name = "Media")
class MediaController {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final GalleryRows galleries;
    private final VariantObjects objects;

    MediaController(GalleryRows galleries, VariantObjects objects) {
        this.galleries = galleries;
        this.objects = objects;
    }

    @GetMapping("/media/{galleryId}/{imageId}/{generation:g\\d+}/{file:[a-z]+-[0-9a-f]+\\.(?:webp|avif)}")
    @Operation(summary = "A variant of an image of a public gallery (404 for any other gallery)")
    @ApiResponse(
            responseCode = "200",
            description = "The variant's bytes, cacheable forever",
            content = {
                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/avif", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)", content = @Content)
    Mono<ResponseEntity<Flux<DataBuffer>>> variant(
            @PathVariable UUID galleryId,
            @PathVariable UUID imageId,
            @PathVariable String generation,
            @PathVariable String file,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String objectKey = galleryId + "/" + imageId + "/" + generation + "/" + file;
        return galleries
                .find(galleryId)
                .filter(gallery -> !gallery.deleted() && gallery.visibility() == Visibility.PUBLIC)
                .flatMap(gallery -> objects.read(objectKey, ifNoneMatch))
                .map(variant -> VariantAnswer.of(variant, IMMUTABLE))
                .switchIfEmpty(Mono.error(() ->
                        new RejectedException(ErrorCode.MEDIA_NOT_FOUND, null, "no public variant " + objectKey)));
    }
}
