package dev.vitrine.query.web;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.identity.Actor;
import java.time.Duration;

/**
 * An answer just read from the read model, with how long Vitrine's cache keeps it and what HTTP caches may do.
 *
 * <ul>
 *     <li>Anonymous reads of public things: {@code public, max-age=10} — a CDN or browser may reuse them for ten
 *     seconds.</li>
 *     <li>Anything read with credentials, and unlisted or private galleries: {@code private, no-cache} — kept by
 *     the browser only, revalidated every time (a 304 costs no body).</li>
 *     <li>Answers holding presigned variant URLs (unlisted and private galleries' images): {@code private,
 *     no-store} — a signed URL is a key for a while; nothing may write it to disk.</li>
 * </ul>
 * Answers holding signed variant URLs are kept by Vitrine's cache for a quarter of the URLs' lifetime at most, so
 * a URL handed out always has most of its life left.
 */
public record FreshAnswer(Object body, Duration ttl, String cacheControl) {

    static final String SHARED = "public, max-age=10";
    static final String PERSONAL = "private, no-cache";
    static final String SECRET = "private, no-store";

    public static FreshAnswer of(
            Object body, Visibility visibility, Actor viewer, Duration ttl, Duration signedUrlLifetime) {
        boolean open = visibility == Visibility.PUBLIC;
        if (!open) {
            return new FreshAnswer(body, min(ttl, signedUrlLifetime.dividedBy(4)), SECRET);
        }
        return new FreshAnswer(body, ttl, viewer.isAnonymous() ? SHARED : PERSONAL);
    }

    /** An answer without signed URLs in it. */
    public static FreshAnswer of(Object body, Visibility visibility, Actor viewer, Duration ttl) {
        return new FreshAnswer(body, ttl, visibility == Visibility.PUBLIC && viewer.isAnonymous() ? SHARED : PERSONAL);
    }

    /** A list of galleries: no signed URLs in it, personal as soon as the viewer signed in. */
    public static FreshAnswer listing(Object body, Actor viewer, Duration ttl) {
        return new FreshAnswer(body, ttl, viewer.isAnonymous() ? SHARED : PERSONAL);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
