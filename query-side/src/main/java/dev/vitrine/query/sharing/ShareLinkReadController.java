package dev.vitrine.query.sharing;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.sharing.query.FindShareLinks;
import dev.vitrine.api.sharing.query.ShareLinkView;
import dev.vitrine.api.sharing.query.ShareLinks;
import dev.vitrine.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The share links one may review: of one gallery, or of every gallery of one's own. Tokens are never shown again. */
@RestController
@Tag(name = "Sharing")
class ShareLinkReadController {

    private final Queries queries;

    ShareLinkReadController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/galleries/{galleryId}/share-links")
    @Operation(summary = "The gallery's share links, newest first, revoked and expired ones included")
    Mono<List<ShareLinkView>> ofGallery(@PathVariable UUID galleryId, Caller caller) {
        Actor viewer = caller.actor();
        if (viewer.isAnonymous()) {
            return Mono.error(RejectedException.of(ErrorCode.UNAUTHENTICATED, "sign in to see share links"));
        }
        return queries.require(
                        FindGallery.now(galleryId, viewer), ErrorCode.GALLERY_NOT_FOUND, "no gallery " + galleryId)
                .flatMap(gallery ->
                        gallery.yourRole() != null && gallery.yourRole().mayEditGallery()
                                ? queries.ask(new FindShareLinks(galleryId, viewer))
                                : Mono.error(RejectedException.forbidden(
                                        "only the gallery's owner and editors see its share links")))
                .map(ShareLinks::links);
    }

    @GetMapping("/api/share-links")
    @Operation(summary = "Every share link of your galleries, newest first: one page to review what you share")
    Mono<List<ShareLinkView>> mine(Caller caller) {
        return queries.ask(new FindShareLinks(null, caller.actor())).map(ShareLinks::links);
    }
}
