package dev.vitrine.query.cache;

import java.util.UUID;

/**
 * A set of cached answers invalidated together, in one step whatever their number: every cached key embeds its
 * scope's current version, so bumping the version makes them all unreachable (they expire on their own).
 */
public record CacheScope(String name) {

    /** Every answer about one gallery: the gallery, its pages of images and its images. */
    public static CacheScope gallery(UUID galleryId) {
        return new CacheScope("g:" + galleryId);
    }

    /** Every list of galleries. */
    public static final CacheScope GALLERIES = new CacheScope("galleries");
}
