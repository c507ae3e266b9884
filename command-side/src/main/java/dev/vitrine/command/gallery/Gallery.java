package dev.vitrine.command.gallery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.command.CreateGallery;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.command.OfferGalleryCover;
import dev.vitrine.api.gallery.command.UpdateGallery;
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

    /**
     * Every change is decided before any is said: a PATCH that breaks one rule changes nothing. Only what differs
     * from the gallery as it is becomes an event, in the order details, visibility, cover.
     */
    @CommandHandler
    public long handle(UpdateGallery command, GalleryImages images) {
        requireManagedBy(command.by());
        GalleryDetails newDetails = details.change(command.name(), command.description());
        Visibility newVisibility = Objects.requireNonNullElse(command.visibility(), visibility);
        UUID newCover = command.cover() == null ? coverImageId : command.cover().imageId();
        if (command.cover() != null && newCover != null && !images.holds(id, newCover)) {
            throw new RejectedException(
                    ErrorCode.COVER_NOT_IN_GALLERY,
                    "coverImageId",
                    "image " + newCover + " is not an image of this gallery");
        }
        if (!newDetails.equals(details)) {
            apply(new GalleryDetailsChanged(id, newDetails.name(), newDetails.description()));
        }
        if (newVisibility != visibility) {
            apply(new GalleryVisibilityChanged(id, newVisibility, visibility));
        }
        if (!Objects.equals(newCover, coverImageId)) {
            apply(new GalleryCoverChanged(id, newCover));
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

    private void requireManagedBy(Actor actor) {
        new GalleryManagement(id, ownerId, deleted).requireManagedBy(actor);
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
