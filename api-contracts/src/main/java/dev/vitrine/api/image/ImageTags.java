package dev.vitrine.api.image;

import dev.vitrine.api.PlainText;
import dev.vitrine.api.error.RejectedException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an image's tags may be: at most {@link #MAX} of at most {@link #LENGTH_MAX} characters, one line each, kept
 * lower-cased and trimmed, each once, in the order given. The Image aggregate applies it; the HTTP contract states it.
 */
public final class ImageTags {

    public static final int MAX = 50;
    public static final int LENGTH_MAX = 64;

    private ImageTags() {}

    /** The tags as kept; refuses a list that breaks the rule, naming the first tag at fault ({@code tags[3]}). */
    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            throw RejectedException.invalid("tags", "must be a list of tags (an empty list removes them all)");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String path = "tags[" + i + "]";
            String tag = tags.get(i) == null ? "" : tags.get(i).strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                throw RejectedException.invalid(path, "must not be blank");
            }
            if (tag.length() > LENGTH_MAX) {
                throw RejectedException.invalid(path, "must be at most " + LENGTH_MAX + " characters");
            }
            if (!PlainText.isOneLine(tag)) {
                throw RejectedException.invalid(path, PlainText.ONE_LINE_MESSAGE);
            }
            kept.add(tag);
        }
        if (kept.size() > MAX) {
            throw RejectedException.invalid("tags", "at most " + MAX + " tags");
        }
        return List.copyOf(kept);
    }

    /**
     * A tag to filter by ({@code ?tag=}), as kept (lower-cased, trimmed); null when there is none. Refuses one no
     * image could carry.
     */
    public static String filter(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String kept = tag.strip().toLowerCase(Locale.ROOT);
        if (kept.length() > LENGTH_MAX || !PlainText.isOneLine(kept)) {
            throw RejectedException.invalid("tag", "must be a tag: one line of at most " + LENGTH_MAX + " characters");
        }
        return kept;
    }
}
