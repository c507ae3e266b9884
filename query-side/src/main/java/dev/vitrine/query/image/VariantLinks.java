package dev.vitrine.query.image;

import dev.vitrine.query.gallery.GalleryRow;
import java.time.Duration;

/** How a browser fetches a stored variant of an image of this gallery (the app decides: signed, public, CDN). */
public interface VariantLinks {

    String url(String objectKey, GalleryRow gallery);

    /** How long a signed URL works: answers holding one are cached for a fraction of it. */
    Duration signedUrlLifetime();
}
