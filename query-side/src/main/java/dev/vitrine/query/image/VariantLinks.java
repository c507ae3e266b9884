package dev.vitrine.query.image;

import dev.vitrine.api.gallery.Visibility;
import java.time.Duration;

/** How a browser fetches a stored variant of an image of a gallery so visible (the app decides: signed, public, CDN). */
public interface VariantLinks {

    /** @param origin what the answer's URLs start with ({@link dev.vitrine.api.operations.PublicAddress#origin}) */
    String url(String objectKey, Visibility visibility, String origin);

    /** How long a signed URL works: answers holding one are cached for a fraction of it. */
    Duration signedUrlLifetime();
}
