package dev.vitrine.command.web;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.image.query.FindImage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.query.Answers;
import dev.vitrine.api.sharing.query.FindShareLink;
import dev.vitrine.api.sharing.query.ShareLinkView;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the write API asks the query side, through the query bus: whether the caller can see what it wants to
 * change (writes to something invisible answer 404, exactly as reads do, so a private gallery never betrays its
 * existence through a 403), and the changed resource once the projection has caught up with the command.
 */
@Component
public class ReadModel {

    private final QueryGateway queries;

    ReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    /** {@code path} names the request field that named the gallery, if one did. */
    public Mono<GalleryView> requireGallery(UUID galleryId, Actor viewer, String path) {
        return Mono.fromFuture(() -> Answers.require(
                queries,
                FindGallery.now(galleryId, viewer),
                ErrorCode.GALLERY_NOT_FOUND,
                path,
                "no gallery " + galleryId));
    }

    /** The gallery once it shows {@code version}; nothing if the viewer can no longer see it. */
    public Mono<GalleryView> galleryAfter(UUID galleryId, Actor viewer, long version) {
        return Mono.fromFuture(() -> Answers.find(queries, new FindGallery(galleryId, viewer, version)))
                .flatMap(Mono::justOrEmpty);
    }

    /** The share link, if the viewer may manage its gallery; otherwise a 404, as if there were none. */
    public Mono<ShareLinkView> shareLink(UUID linkId, Actor viewer) {
        return Mono.fromFuture(() -> Answers.require(
                queries,
                new FindShareLink(linkId, viewer),
                ErrorCode.SHARE_LINK_NOT_FOUND,
                null,
                "no share link " + linkId));
    }

    /** The image as the caller sees it, its URLs under the caller's origin. */
    public Mono<ImageView> requireImage(UUID galleryId, UUID imageId, Caller caller) {
        Actor viewer = caller.actor();
        return Mono.fromFuture(() -> Answers.require(
                queries,
                FindImage.now(galleryId, imageId, viewer, caller.origin()),
                ErrorCode.IMAGE_NOT_FOUND,
                null,
                "no image " + imageId + " in gallery " + galleryId));
    }

    /** The image once it shows {@code version}; nothing if the viewer can no longer see it. */
    public Mono<ImageView> imageAfter(UUID galleryId, UUID imageId, Caller caller, long version) {
        return Mono.fromFuture(() -> Answers.find(
                        queries, new FindImage(galleryId, imageId, caller.actor(), version, caller.origin())))
                .flatMap(Mono::justOrEmpty);
    }
}
