package dev.vitrine.command.gallery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.GalleryRules;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.command.CreateGallery;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.command.GrantGalleryRole;
import dev.vitrine.api.gallery.command.OfferGalleryCover;
import dev.vitrine.api.gallery.command.RemoveMember;
import dev.vitrine.api.gallery.command.UpdateGallery;
import dev.vitrine.api.gallery.command.WithdrawGalleryCover;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryLocationsHidden;
import dev.vitrine.api.gallery.event.GalleryLocationsShown;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A gallery: its owner, members, name, description, visibility, cover and whether everyone sees where its photos
 * were taken. Its owner (or an administrator) changes everything, editors its name, description and cover ({@link GalleryManagement} says who may do what); once deleted
 * it takes no further commands. Only the owner chooses members, up to {@link GalleryRules#MEMBERS_MAX}; a member may
 * leave. The first published image becomes the cover of a gallery without one, and an image that disappears stops
 * being the cover. Handlers answer the gallery's version.
 */
@Aggregate
public class Gallery {

    @AggregateIdentifier
    private UUID id;

    private UUID ownerId;
    private GalleryDetails details;
    private Visibility visibility;
    /** Whether everyone who sees the gallery sees where its photos were taken (else only owner and editors). */
    private boolean locationsShown;

    private UUID coverImageId;
    private boolean deleted;
    private final Map<UUID, GalleryRole> members = new HashMap<>();

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
        GalleryManagement management = management();
        management.requireEditableBy(command.by());
        if (command.visibility() != null && command.visibility() != visibility) {
            management.requireOwnedBy(command.by());
        }
        boolean showLocations = Objects.requireNonNullElse(command.showLocations(), locationsShown);
        if (showLocations != locationsShown) {
            // whose photos' whereabouts are shown is the owner's call, like who sees the gallery at all
            management.requireOwnedBy(command.by());
        }
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
        if (showLocations != locationsShown) {
            apply(showLocations ? new GalleryLocationsShown(id) : new GalleryLocationsHidden(id));
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
        management().requireOwnedBy(command.by());
        apply(new GalleryDeleted(id, ownerId));
        return AggregateLifecycle.getVersion();
    }

    /** Granting the role a member already has changes nothing. */
    @CommandHandler
    public long handle(GrantGalleryRole command) {
        management().requireOwnedBy(command.by());
        if (command.role() == null || !command.role().isMemberRole()) {
            throw RejectedException.invalid("role", "must be viewer, contributor or editor");
        }
        if (command.memberId().equals(ownerId)) {
            throw RejectedException.invalid("username", "is the gallery's owner, who has every right already");
        }
        GalleryRole current = members.get(command.memberId());
        if (current == null) {
            if (members.size() >= GalleryRules.MEMBERS_MAX) {
                throw RejectedException.of(
                        ErrorCode.MEMBER_LIMIT_REACHED,
                        "a gallery has at most " + GalleryRules.MEMBERS_MAX + " members");
            }
            apply(new MemberAdded(id, command.memberId(), command.username(), command.role()));
        } else if (current != command.role()) {
            apply(new MemberRoleChanged(id, command.memberId(), command.role(), current));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The owner removes anyone; a member removes only themselves (leaves). */
    @CommandHandler
    public long handle(RemoveMember command) {
        boolean leaving = command.memberId().equals(command.by().userId());
        if (leaving) {
            management().requireLive();
        } else {
            management().requireOwnedBy(command.by());
        }
        GalleryRole current = members.get(command.memberId());
        if (current == null) {
            throw RejectedException.of(
                    ErrorCode.MEMBER_NOT_FOUND, "account " + command.memberId() + " is no member of this gallery");
        }
        apply(new MemberRemoved(id, command.memberId(), current));
        return AggregateLifecycle.getVersion();
    }

    private GalleryManagement management() {
        return new GalleryManagement(id, ownerId, deleted, members);
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
    void on(GalleryLocationsShown event) {
        locationsShown = true;
    }

    @EventSourcingHandler
    void on(GalleryLocationsHidden event) {
        locationsShown = false;
    }

    @EventSourcingHandler
    void on(GalleryCoverChanged event) {
        coverImageId = event.coverImageId();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.memberId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.memberId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(GalleryDeleted event) {
        deleted = true;
    }
}
