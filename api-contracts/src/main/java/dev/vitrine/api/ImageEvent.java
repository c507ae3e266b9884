package dev.vitrine.api;

import java.util.UUID;

/** An event of one image (the Image aggregate), within its gallery. */
public interface ImageEvent extends GalleryEvent {

    UUID imageId();
}
