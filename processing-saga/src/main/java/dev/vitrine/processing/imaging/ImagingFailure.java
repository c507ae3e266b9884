package dev.vitrine.processing.imaging;

import java.util.Locale;

/**
 * The image itself is unacceptable: processing it again will not help. Its code is what the owner and the
 * event log see (ImageRejected).
 */
public class ImagingFailure extends Exception {

    public enum Code {
        /** The bytes are not the image type the upload declared. */
        CONTENT_TYPE_MISMATCH,
        /** Not an image format Vitrine reads. */
        UNSUPPORTED_FORMAT,
        /** More pixels than the configured limit: refused before decoding. */
        TOO_MANY_PIXELS,
        /** The file ends before the image does. */
        TRUNCATED_IMAGE,
        /** The file is damaged and cannot be decoded. */
        CORRUPT_IMAGE,
        /**
         * Built to cost far more to decode than its pixels (tens of thousands of segments, thousands of tiles):
         * refused before decoding.
         */
        TOO_COMPLEX;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Code code;

    public ImagingFailure(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
