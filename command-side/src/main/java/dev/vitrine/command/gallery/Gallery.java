package dev.vitrine.command.gallery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.command.ChangeGalleryDetails;
import dev.vitrine.api.gallery.command.ChangeGalleryVisibility;
import dev.vitrine.api.gallery.command.CreateGallery;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.command.OfferGalleryCover;
import dev.vitrine.api.gallery.command.SetGalleryCover;
import dev.vitrine.api.gallery.command.WithdrawGalleryCover;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.identity.Actor;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A gallery: its owner, name, description, visibility and cover. Only its owner or an administrator changes it;
 * once deleted it takes no further commands. The first published image becomes the cover of a gallery without
 * one, and an image that disappears stops being the cover. Handlers answer the gallery's version.
 */
@Aggregate
public class Gallery {

    @AggregateIdentifier
    private UUID id;

    private UUID ownerId;
    private GalleryDetails details;
    private Visibility visibility;
    private UUID coverImageId;
    private boolean deleted;

    protected Gallery() {
        // for event sourcing
    }

    @CommandHandler
    public Gallery(CreateGallery command) {
        if (command.by().isAnonymous()) {
            throw RejectedException.forbidden("sign in to create a gallery");
        }
        GalleryDetails created = GalleryDetails.create(command.name(), command.description());
        apply(new GalleryCreated(
                command.galleryId(),
                command.by().userId(),
                created.name(),
                created.description(),
                Objects.requireNonNullElse(command.visibility(), Visibility.PRIVATE)));
    }

    @CommandHandler
    public long handle(ChangeGalleryDetails command) {
        requireManagedBy(command.by());
        GalleryDetails changed = details.change(command.name(), command.description());
        if (!changed.equals(details)) {
            apply(new GalleryDetailsChanged(id, changed.name(), changed.description()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeGalleryVisibility command) {
        requireManagedBy(command.by());
        if (command.visibility() == null) {
            throw RejectedException.invalid("invalid_field", "visibility", "must be public, unlisted or private");
        }
        if (command.visibility() != visibility) {
            apply(new GalleryVisibilityChanged(id, command.visibility(), visibility));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(SetGalleryCover command, GalleryImages images) {
        requireManagedBy(command.by());
        UUID cover = command.imageId();
        if (cover != null && !images.holds(id, cover)) {
            throw RejectedException.invalid(
                    "cover_not_in_gallery", "coverImageId", "image " + cover + " is not an image of this gallery");
        }
        if (!Objects.equals(cover, coverImageId)) {
            apply(new GalleryCoverChanged(id, cover));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(OfferGalleryCover command) {
        if (!deleted && coverImageId == null) {
            apply(new GalleryCoverChanged(id, command.imageId()));
        }
    }

    @CommandHandler
    public void handle(WithdrawGalleryCover command) {
        if (!deleted && command.imageId().equals(coverImageId)) {
            apply(new GalleryCoverChanged(id, null));
        }
    }

    @CommandHandler
    public long handle(DeleteGallery command) {
        requireManagedBy(command.by());
        apply(new GalleryDeleted(id, ownerId));
        return AggregateLifecycle.getVersion();
    }

    /** Images are added to, changed in and removed from a live gallery only, by whoever may manage it. */
    UUID requireImagesManagedBy(Actor actor) {
        requireManagedBy(actor);
        return ownerId;
    }

    private void requireManagedBy(Actor actor) {
        if (deleted) {
            throw RejectedException.gone("gallery_deleted", "gallery " + id + " has been deleted");
        }
        if (!actor.mayManage(ownerId)) {
            throw RejectedException.forbidden("only the gallery's owner (or an administrator) may do this");
        }
    }

    @EventSourcingHandler
    void on(GalleryCreated event) {
        id = event.galleryId();
        ownerId = event.ownerId();
        details = new GalleryDetails(event.name(), event.description());
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(GalleryDetailsChanged event) {
        details = new GalleryDetails(event.name(), event.description());
    }

    @EventSourcingHandler
    void on(GalleryVisibilityChanged event) {
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(GalleryCoverChanged event) {
        coverImageId = event.coverImageId();
    }

    @EventSourcingHandler
    void on(GalleryDeleted event) {
        deleted = true;
    }
}
