package dev.vitrine.processing.imaging.vips;

/** libvips could not be loaded or initialised on this machine. */
public class VipsUnavailableException extends Exception {

    public VipsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
