package dev.vitrine.api.search;

import dev.vitrine.api.error.RejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a search looks for: the words of {@code q}, lower-cased, split on anything but letters and digits (as
 * PostgreSQL's 'simple' parser splits what it indexes), each once. Punctuation is no query syntax: "sea -lisbon"
 * looks for both words, so a query can never be malformed.
 */
public final class SearchWords {

    public static final String PARAMETER = "q";
    public static final int MAX_WORDS = 8;
    public static final int MAX_LENGTH = 200;
    public static final int WORD_LENGTH_MAX = 64;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {}

    /** The words to look for; refuses a query with none, or more than {@link #MAX_WORDS}, naming {@code q}. */
    public static List<String> of(String q) {
        if (q == null || q.length() > MAX_LENGTH) {
            throw RejectedException.invalid(PARAMETER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(q.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && !words.contains(word)) {
                if (word.length() > WORD_LENGTH_MAX) {
                    throw RejectedException.invalid(
                            PARAMETER, "a word may be at most " + WORD_LENGTH_MAX + " characters");
                }
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            throw RejectedException.invalid(PARAMETER, "must hold at least one word (letters or digits)");
        }
        if (words.size() > MAX_WORDS) {
            throw RejectedException.invalid(PARAMETER, "at most " + MAX_WORDS + " words");
        }
        return List.copyOf(words);
    }
}
