package dev.vitrine.api.error;

import java.util.UUID;

/**
 * A business rule or a request check said no. {@code code} is stable and machine-readable (it becomes the {@code error} field of
 * the HTTP answer), {@code path} names the offending field where there is one.
 */
public class RejectedException extends RuntimeException {

    private final Rejection rejection;
    private final String code;
    private final String path;
    private final UUID existingId;

    public RejectedException(Rejection rejection, String code, String path, String message) {
        this(rejection, code, path, message, null);
    }

    public RejectedException(Rejection rejection, String code, String path, String message, UUID existingId) {
        super(message, null, false, false);
        this.rejection = rejection;
        this.code = code;
        this.path = path;
        this.existingId = existingId;
    }

    public static RejectedException notFound(String code, String message) {
        return new RejectedException(Rejection.NOT_FOUND, code, null, message);
    }

    public static RejectedException forbidden(String message) {
        return new RejectedException(Rejection.FORBIDDEN, "forbidden", null, message);
    }

    public static RejectedException conflict(String code, String message) {
        return new RejectedException(Rejection.CONFLICT, code, null, message);
    }

    public static RejectedException invalid(String code, String path, String message) {
        return new RejectedException(Rejection.INVALID, code, path, message);
    }

    public static RejectedException gone(String code, String message) {
        return new RejectedException(Rejection.GONE, code, null, message);
    }

    public Rejection rejection() {
        return rejection;
    }

    public String code() {
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
