package dev.vitrine.api.operations;

import java.net.URI;

/**
 * The address Vitrine is reached at: every URL in an answer or an event starts here, never relative. It is
 * {@code VITRINE_PUBLIC_URL} ({@value #PROPERTY}) when the operator sets it. Otherwise an answer's URLs start with
 * the scheme and host of the request it answers (a proxy's {@code Forwarded}/{@code X-Forwarded-*} headers count
 * only when the operator trusts it, {@code SERVER_FORWARD_HEADERS_STRATEGY}), and an event's, which answers no
 * request, with this node's own local address (the startup block says so). Public variants are served from the
 * CDN when one is set ({@code VITRINE_VARIANTS_PUBLIC_BASE_URL}), from {@code /media/} here otherwise.
 */
public interface PublicAddress {

    String PROPERTY = "vitrine.public-url";

    /**
     * {@code scheme://host[:port]} of the URLs in the answer to a request made to {@code requestUri}. Answers that
     * are cached keep it in their key: an answer made for one host is never served to a request for another.
     */
    String origin(URI requestUri);

    /** {@code scheme://host[:port]} of the URLs in events. */
    String ofEvents();

    /** The stable URL of a public gallery's variant, in an answer whose URLs start with {@code origin}. */
    String publicMedia(String origin, String objectKey);
}
