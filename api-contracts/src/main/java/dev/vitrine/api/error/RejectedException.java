package dev.vitrine.api.error;

import java.util.UUID;

/**
 * A business rule or a request check said no. Its {@link ErrorCode} becomes the {@code error} field of the HTTP
 * answer (and decides its status); {@code path} names the offending field where there is one.
 */
public class RejectedException extends RuntimeException {

    private final ErrorCode code;
    private final String path;
    private final UUID existingId;

    public RejectedException(ErrorCode code, String path, String message) {
        this(code, path, message, null);
    }

    public RejectedException(ErrorCode code, String path, String message, UUID existingId) {
        super(message, null, false, false);
        this.code = code;
        this.path = path;
        this.existingId = existingId;
    }

    /** A refusal about the request as a whole. */
    public static RejectedException of(ErrorCode code, String message) {
        return new RejectedException(code, null, message);
    }

    /** A field of the request breaks a rule. */
    public static RejectedException invalid(String path, String message) {
        return new RejectedException(ErrorCode.INVALID_FIELD, path, message);
    }

    public static RejectedException forbidden(String message) {
        return of(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public String path() {
        return path;
    }

    /** The thing this request conflicts with, when it is one that exists (a duplicate image, say). */
    public UUID existingId() {
        return existingId;
    }
}
