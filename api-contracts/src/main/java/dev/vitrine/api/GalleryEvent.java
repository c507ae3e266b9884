package dev.vitrine.api;

import java.util.UUID;

/**
 * Every event happens within one gallery. Handlers that need a gallery's events in order (projections,
 * integration feeds) sequence by this id.
 */
public interface GalleryEvent {

    UUID galleryId();
}
