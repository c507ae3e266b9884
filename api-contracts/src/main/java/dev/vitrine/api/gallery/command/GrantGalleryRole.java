package dev.vitrine.api.gallery.command;

import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes an account a member of the gallery with this role, or gives a member this role instead of theirs. It takes
 * effect at once: there is no invitation to accept.
 */
public record GrantGalleryRole(
        @TargetAggregateIdentifier UUID galleryId, UUID memberId, String username, GalleryRole role, Actor by) {}
