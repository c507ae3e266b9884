package dev.vitrine.app.limits;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** So many per so long: {@code 10/15m} is ten in any fifteen minutes (a burst of ten, then one each 90 s). */
public record Limit(long count, Duration per) {

    public Limit {
        if (count < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a limit is at least 1 per a positive duration");
        }
    }

    /** {@code 10/15m}, {@code 1000/1h}: a count, a slash, a duration as Spring reads one. */
    public static Limit parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("a limit reads like 10/15m, not " + text);
        }
        return new Limit(
                Long.parseLong(text.substring(0, slash).trim()),
                DurationStyle.detectAndParse(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return count + "/" + per;
    }
}
