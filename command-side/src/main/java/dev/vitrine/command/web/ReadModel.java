package dev.vitrine.command.web;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.error.Rejection;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.query.FindImage;
import dev.vitrine.api.image.query.ImageView;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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

    public Mono<GalleryView> requireGallery(UUID galleryId, Actor viewer, String path) {
        return gallery(new FindGallery(galleryId, viewer, -1))
                .switchIfEmpty(notFound("gallery_not_found", path, "no gallery " + galleryId));
    }

    public Mono<GalleryView> galleryAfter(UUID galleryId, Actor viewer, long version) {
        return gallery(new FindGallery(galleryId, viewer, version));
    }

    public Mono<ImageView> requireImage(UUID galleryId, UUID imageId, Actor viewer) {
        return image(new FindImage(galleryId, imageId, viewer, -1))
                .switchIfEmpty(notFound("image_not_found", null, "no image " + imageId + " in gallery " + galleryId));
    }

    public Mono<ImageView> imageAfter(UUID galleryId, UUID imageId, Actor viewer, long version) {
        return image(new FindImage(galleryId, imageId, viewer, version));
    }

    private Mono<GalleryView> gallery(FindGallery query) {
        return ask(query, GalleryView.class);
    }

    private Mono<ImageView> image(FindImage query) {
        return ask(query, ImageView.class);
    }

    private <T> Mono<T> ask(Object query, Class<T> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(type)))
                .flatMap(Mono::justOrEmpty);
    }

    private static <T> Mono<T> notFound(String code, String path, String message) {
        return Mono.error(() -> new RejectedException(Rejection.NOT_FOUND, code, path, message));
    }
}
