package dev.vitrine.query.projection;

import dev.vitrine.api.GalleryEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/** A gallery's events and its images' events are applied in order; different galleries in parallel. */
public class GallerySequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof GalleryEvent inGallery ? inGallery.galleryId() : null;
    }
}
