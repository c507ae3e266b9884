package dev.vitrine.query.image;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.query.web.ReadScopes;
import java.util.UUID;

/** The cache keys of image reads: one place, whether the controller or the anonymous shortcut asks. */
public final class ImageReadKeys {

    private ImageReadKeys() {}

    /** A page by number, or by cursor (then the page number does not count). */
    public static String page(Actor viewer, ImageStatus status, int page, int limit, Long after) {
        return ReadScopes.key(viewer, "images", status, after != null ? null : page, limit, after);
    }

    public static String image(Actor viewer, UUID imageId) {
        return ReadScopes.key(viewer, "image", imageId);
    }

    /** The position a cursor stands for; null without one. Refuses a cursor that is no position. */
    public static Long cursor(String cursor) {
        return ImageCursor.parse(cursor);
    }
}
