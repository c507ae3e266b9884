package dev.vitrine.api.gallery.command;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes any of a gallery's name, description, visibility, cover and whether it shows where its photos were taken
 * to everyone, at once, or none of them if one change breaks a rule. A null field keeps its current value; an empty
 * description removes it; a {@link Cover} with no image removes the cover.
 */
public record UpdateGallery(
        @TargetAggregateIdentifier UUID galleryId,
        String name,
        String description,
        Visibility visibility,
        Cover cover,
        Boolean showLocations,
        Actor by) {

    /** The image to show for the gallery; none removes the cover. */
    public record Cover(UUID imageId) {

        public static Cover none() {
            return new Cover(null);
        }
    }

    public static UpdateGallery name(UUID galleryId, String name, Actor by) {
        return new UpdateGallery(galleryId, name, null, null, null, null, by);
    }

    public static UpdateGallery visibility(UUID galleryId, Visibility visibility, Actor by) {
        return new UpdateGallery(galleryId, null, null, visibility, null, null, by);
    }

    public static UpdateGallery cover(UUID galleryId, UUID imageId, Actor by) {
        return new UpdateGallery(galleryId, null, null, null, new Cover(imageId), null, by);
    }
}
