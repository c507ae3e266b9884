package dev.vitrine.api.error;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Every code an error answer can carry, and the HTTP status it goes out with: the one table of them. A code is
 * stable (clients branch on it); the message beside it is for people and may change.
 */
public enum ErrorCode {
    // 400: the request is malformed or breaks a rule
    BAD_REQUEST(400),
    INVALID_FIELD(400),
    INVALID_PARAMETER(400),
    INVALID_HEADER(400),
    MALFORMED_JSON(400),
    MISSING_BODY(400),
    MISSING_VALUE(400),
    COVER_NOT_IN_GALLERY(400),
    SIZE_MISMATCH(400),
    REFUSED_TARGET(400),
    // 401 and 403: who is asking, and whether they may
    UNAUTHENTICATED(401),
    PASSWORD_REQUIRED(401),
    PASSWORD_INCORRECT(401),
    FORBIDDEN(403),
    // 404: nothing there, or nothing the caller may see (a private gallery never answers 403)
    NOT_FOUND(404),
    GALLERY_NOT_FOUND(404),
    IMAGE_NOT_FOUND(404),
    UPLOAD_NOT_FOUND(404),
    ACCOUNT_NOT_FOUND(404),
    WEBHOOK_NOT_FOUND(404),
    DELIVERY_NOT_FOUND(404),
    MEDIA_NOT_FOUND(404),
    SHARE_LINK_NOT_FOUND(404),
    MEMBER_NOT_FOUND(404),
    NO_REBUILD(404),
    // 405, 406: the route exists, not with this method or answer type
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    // 409: it conflicts with what exists or with a change made at the same moment
    CONCURRENT_MODIFICATION(409),
    DUPLICATE_IMAGE(409),
    UPLOAD_ALREADY_CONFIRMED(409),
    UPLOAD_MISSING(409),
    USERNAME_TAKEN(409),
    REBUILD_RUNNING(409),
    MEMBER_LIMIT_REACHED(409),
    // 410: it was there and is gone for good
    GALLERY_DELETED(410),
    IMAGE_DELETED(410),
    UPLOAD_EXPIRED(410),
    SHARE_LINK_EXPIRED(410),
    SHARE_LINK_REVOKED(410),
    // 413, 415: the body
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    // 429: too many, too fast: try again after the answer's Retry-After
    RATE_LIMITED(429),
    // 5xx: our fault, never the caller's
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status an answer with this code has. */
    public int status() {
        return status;
    }

    /** What clients see: {@code gallery_not_found}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The generic code of a status no specific code was given for. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONCURRENT_MODIFICATION;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
