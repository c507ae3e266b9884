package dev.vitrine.api;

import java.util.regex.Pattern;

/**
 * What Vitrine keeps of text people type (a gallery's name and description, an image's alternative text): no
 * control characters, but line breaks and tabs where text may run over lines. NUL above all: PostgreSQL stores no
 * NUL in text or JSON, and an event that carried one could never be projected.
 */
public final class PlainText {

    /** Text of one line: no control character at all. */
    public static final String ONE_LINE = "[^\\x00-\\x1F\\x7F]*";
    /** Text that may run over lines: line breaks and tabs, no other control character. */
    public static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    public static final String ONE_LINE_MESSAGE = "must not contain control characters or line breaks";
    public static final String LINES_MESSAGE = "must not contain control characters other than line breaks and tabs";

    private static final Pattern ONE_LINE_TEXT = Pattern.compile(ONE_LINE);
    private static final Pattern LINES_TEXT = Pattern.compile(LINES);

    private PlainText() {}

    public static boolean isOneLine(String text) {
        return text == null || ONE_LINE_TEXT.matcher(text).matches();
    }

    public static boolean isLines(String text) {
        return text == null || LINES_TEXT.matcher(text).matches();
    }
}
