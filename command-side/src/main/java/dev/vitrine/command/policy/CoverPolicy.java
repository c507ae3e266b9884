package dev.vitrine.command.policy;

import dev.vitrine.api.gallery.command.OfferGalleryCover;
import dev.vitrine.api.gallery.command.WithdrawGalleryCover;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.metadata.EventMetadata;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Keeps every gallery's cover sensible: the first published image becomes the cover of a gallery without one;
 * an image no longer shown stops being the cover. The gallery decides; this only tells it what happened.
 */
@Component
@ProcessingGroup("gallery-cover")
class CoverPolicy {

    private final CommandGateway commands;

    CoverPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ImagePublished event) {
        send(new OfferGalleryCover(event.galleryId(), event.imageId()), "first published image of the gallery");
    }

    @EventHandler
    void on(ImageRejected event) {
        withdraw(event.galleryId(), event.imageId(), "the cover image was rejected");
    }

    @EventHandler
    void on(ImageProcessingStalled event) {
        withdraw(event.galleryId(), event.imageId(), "the cover image is no longer processed");
    }

    @EventHandler
    void on(ImageDeleted event) {
        withdraw(event.galleryId(), event.imageId(), "the cover image was deleted");
    }

    private void withdraw(UUID galleryId, UUID imageId, String reason) {
        send(new WithdrawGalleryCover(galleryId, imageId), reason);
    }

    private void send(Object command, String reason) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR)
                        .and(EventMetadata.REASON, reason)));
    }
}
