package dev.vitrine.app.seed;

import dev.vitrine.api.image.Capture;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The words of seeded galleries and photos, for search to find: what a photo shows (each subject in about one photo
 * of 40: a frequent word matches 25 000 photos of a million), where (one of 300 places), tags and cameras. Drawn
 * from the plan's random source, so a plan always gives the same words.
 */
final class SeedWords {

    static final List<String> SUBJECTS = List.of(
            "beach",
            "sunset",
            "mountain",
            "street",
            "portrait",
            "market",
            "harbour",
            "bridge",
            "cathedral",
            "forest",
            "river",
            "festival",
            "concert",
            "garden",
            "snow",
            "desert",
            "lighthouse",
            "tram",
            "cafe",
            "skyline",
            "waterfall",
            "castle",
            "vineyard",
            "canal",
            "museum",
            "temple",
            "lake",
            "island",
            "village",
            "station",
            "fountain",
            "square",
            "harvest",
            "wedding",
            "parade",
            "rooftop",
            "alley",
            "glacier",
            "meadow",
            "pier");

    static final List<String> PLACES = places();

    static final List<String> TAGS = List.of(
            "family",
            "friends",
            "holiday",
            "travel",
            "food",
            "architecture",
            "nature",
            "night",
            "summer",
            "winter",
            "spring",
            "autumn",
            "black-and-white",
            "panorama",
            "macro",
            "wildlife",
            "birds",
            "dogs",
            "cats",
            "children",
            "sport",
            "music",
            "art",
            "film",
            "drone",
            "hiking",
            "cycling",
            "sailing",
            "rain",
            "fog");

    private static final String[][] CAMERAS = {
        {"Canon", "Canon EOS R5"},
        {"Canon", "Canon EOS 5D Mark IV"},
        {"NIKON CORPORATION", "NIKON Z 6_2"},
        {"NIKON CORPORATION", "NIKON D850"},
        {"SONY", "ILCE-7M4"},
        {"SONY", "ILCE-6400"},
        {"FUJIFILM", "X-T5"},
        {"FUJIFILM", "X100V"},
        {"Apple", "iPhone 15 Pro"},
        {"Apple", "iPhone 13"},
        {"Google", "Pixel 8"},
        {"samsung", "Galaxy S23"},
        {"OLYMPUS CORPORATION", "E-M10MarkIV"},
        {"Panasonic", "DC-GH6"},
        {"LEICA CAMERA AG", "LEICA Q2"},
        {"RICOH IMAGING COMPANY, LTD.", "GR III"}
    };

    private final Random random;

    SeedWords(Random random) {
        this.random = random;
    }

    String subject() {
        return pick(SUBJECTS);
    }

    String place() {
        return pick(PLACES);
    }

    String description() {
        return "Photos of " + subject() + " and " + subject() + " around " + place();
    }

    String alt() {
        return "A " + subject() + " in " + place();
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String tag = pick(TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Seven photos in ten say which camera took them, and when. */
    Capture capture() {
        if (random.nextInt(10) >= 7) {
            return null;
        }
        String[] camera = CAMERAS[random.nextInt(CAMERAS.length)];
        LocalDateTime taken = LocalDateTime.of(2015, 1, 1, 0, 0).plusMinutes(random.nextInt(5_000_000));
        return new Capture(
                taken, ZoneOffset.ofHours(1), camera[0], camera[1], null, 35.0, 4.0, 1 / 250.0, 200, 1, null);
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    /** 300 made-up place names, from syllables: real enough to misspell. */
    private static List<String> places() {
        String[] starts = {
            "lis", "por", "mar", "val", "san", "ber", "cor", "tol", "ven", "sal", "gra", "bel", "ros", "kal", "dun"
        };
        String[] ends = {
            "bon", "tola", "enza", "ado", "ford", "mira", "oso", "ina", "ebro", "avia", "ington", "eria", "ona", "usa",
            "ek", "holm", "wick", "ano", "ezia", "ira"
        };
        List<String> places = new ArrayList<>();
        for (String start : starts) {
            for (String end : ends) {
                places.add(start + end);
            }
        }
        return List.copyOf(places);
    }
}
