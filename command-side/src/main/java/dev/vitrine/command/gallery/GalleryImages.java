package dev.vitrine.command.gallery;

import java.util.Optional;
import java.util.UUID;

/** Which images belong to which gallery: the set a cover is chosen from and duplicates are found in. */
public interface GalleryImages {

    /** True when the image was uploaded to the gallery and has not been deleted. */
    boolean holds(UUID galleryId, UUID imageId);

    /** Another live image of the gallery whose confirmed bytes have this SHA-256, if there is one. */
    Optional<UUID> duplicateOf(UUID galleryId, String sha256, UUID imageId);
}
