package dev.vitrine.api.image.query;

import java.time.Instant;

/**
 * Where a list of images stopped: the last image's position in its gallery and, in the order by when photos were
 * taken, when it was taken (null for the photos whose file does not say, listed after the others).
 */
public record ImageKey(Instant takenAt, long position) {

    public static ImageKey position(long position) {
        return new ImageKey(null, position);
    }
}
