package dev.vitrine.processing.imaging.vips;

/** libvips said no; the message is libvips' own error text. */
public class VipsException extends RuntimeException {

    public VipsException(String message) {
        super(message);
    }

    public VipsException(String message, Throwable cause) {
        super(message, cause);
    }
}
