package dev.vitrine.command.web;

import java.net.URI;
import java.util.UUID;

/** Where the write API's resources are read: the {@code Location} of its 201 and 202 answers. */
public final class Locations {

    private Locations() {}

    public static URI gallery(UUID galleryId) {
        return URI.create("/api/galleries/" + galleryId);
    }

    public static URI image(UUID galleryId, UUID imageId) {
        return URI.create("/api/galleries/" + galleryId + "/images/" + imageId);
    }
}
