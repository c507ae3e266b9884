package dev.vitrine.command.gallery;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.error.Rejection;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Asks the Gallery aggregate itself, loaded from its events within the caller's unit of work. */
@Component
class RepositoryGalleryAccess implements GalleryAccess {

    private final Repository<Gallery> galleries;

    RepositoryGalleryAccess(Repository<Gallery> galleryRepository) {
        this.galleries = galleryRepository;
    }

    @Override
    public UUID requireImagesManagedBy(UUID galleryId, Actor actor) {
        try {
            return galleries.load(galleryId.toString()).invoke(gallery -> gallery.requireImagesManagedBy(actor));
        } catch (AggregateNotFoundException e) {
            throw new RejectedException(
                    Rejection.NOT_FOUND, "gallery_not_found", "galleryId", "no gallery " + galleryId);
        }
    }
}
