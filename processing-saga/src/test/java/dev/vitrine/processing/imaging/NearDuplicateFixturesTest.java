package dev.vitrine.processing.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.NearDuplicates;
import dev.vitrine.fixtures.Fixtures;
import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How well {@link NearDuplicates#DEFAULT_MAX_DISTANCE} sorts the shared fixture photos and copies of them made the way
 * people copy photos: half size, JPEG quality 60, cropped by 2.5 % on every edge, converted to PNG. Every version goes
 * through the worker's own render path, and precision and recall are counted over every pair of versions for each
 * distance from 0 to 16 (the table is printed, for choosing the default again when the fingerprint changes).
 *
 * <p>The crop is centred because that is the crop a fingerprint of the whole picture can promise to survive: the
 * same 5 % taken off one corner instead (the picture's centre moves) put blackbug.png and 5_webp_a.webp 16 bits from
 * their originals: recall 0.97 at the default distance, 1 from 16 on, with no distinct photos grouped up to 16.
 *
 * <p>The photos are the MANIFEST's accepted files but three tiny non-photos: tbgn2c16.png (32×32) and prophoto.png
 * (1×1) have fewer pixels than the fingerprint's 32×32 sample, and rotating-squares.gif is an 80×80 spinner icon.
 * Files that show the same picture form one photo: the eight EXIF orientations of
 * Landscape_*.jpg (upright they are the same photo but for the orientation's number drawn on each), the benchmark
 * JPEG and its lossless progressive re-encode, the CMYK JPEG with and without its profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearDuplicateFixturesTest {

    /** File name to the photo it shows. */
    static final Map<String, String> PHOTOS = photos();

    enum Kind {
        ORIGINAL,
        HALF_SIZE,
        JPEG_60,
        CROPPED_5_PERCENT,
        PNG
    }

    record Version(String file, String photo, Kind kind, Fingerprint fingerprint) {
        @Override
        public String toString() {
            return file + (kind == Kind.ORIGINAL ? "" : " as " + kind);
        }
    }

    Vips vips;
    ExecutorService encoders;
    ImagePipeline pipeline;
    List<Version> versions = new ArrayList<>();

    static Map<String, String> photos() {
        Map<String, String> photos = new LinkedHashMap<>();
        photos.put("2569067123_aca715a2ee_o.jpg", "benchmark");
        photos.put("progressive-2569067123.jpg", "benchmark");
        for (int orientation = 1; orientation <= 8; orientation++) {
            photos.put("Landscape_" + orientation + ".jpg", "landscape");
        }
        // not the landscape: the MIT set has a portrait photo too (another view of the waterfall, upright 450×600)
        photos.put("Portrait_6.jpg", "portrait");
        photos.put("Landscape_9.jpg", "Landscape_9");
        photos.put("gain-map.jpg", "gain-map");
        photos.put("Channel_digital_image_CMYK_color.jpg", "cmyk");
        photos.put("Channel_digital_image_CMYK_color_no_profile.jpg", "cmyk");
        for (String single : List.of(
                "concert.jpg",
                "Flag_of_the_Netherlands-16bit.png",
                "blackbug.png",
                "grey-8bit-alpha.png",
                "image-in-alpha.png",
                "pitm.avif",
                "4.webp",
                "5_webp_a.webp",
                "Crash_test.gif")) {
            photos.put(single, single);
        }
        return photos;
    }

    @BeforeAll
    void fingerprintEveryVersion() throws Exception {
        vips = Vips.load();
        encoders = Executors.newFixedThreadPool(2);
        pipeline = new ImagePipeline(
                new VipsRenderer(vips, ImagingSettings.defaults(), encoders), ImagingSettings.defaults());
        for (var photo : PHOTOS.entrySet()) {
            byte[] original = Fixtures.bytes(photo.getKey());
            versions.add(new Version(photo.getKey(), photo.getValue(), Kind.ORIGINAL, fingerprint(original)));
            for (var derived : derive(original).entrySet()) {
                versions.add(new Version(
                        photo.getKey(), photo.getValue(), derived.getKey(), fingerprint(derived.getValue())));
            }
        }
    }

    @AfterAll
    void stop() {
        encoders.shutdownNow();
    }

    @Test
    void every_copy_is_grouped_with_its_photo_and_no_two_photos_are_grouped_at_the_default_distance() {
        System.out.println("maxDistance     TP     FP     FN  precision  recall");
        for (int maxDistance = 0; maxDistance <= 16; maxDistance++) {
            Score score = score(maxDistance);
            System.out.printf(
                    "%11d %6d %6d %6d %10.4f %7.4f%s%n",
                    maxDistance,
                    score.truePositives,
                    score.falsePositives,
                    score.falseNegatives,
                    score.precision(),
                    score.recall(),
                    maxDistance == NearDuplicates.DEFAULT_MAX_DISTANCE ? "  <- DEFAULT_MAX_DISTANCE" : "");
        }
        printDistances();

        Score atDefault = score(NearDuplicates.DEFAULT_MAX_DISTANCE);
        assertThat(atDefault.recall()).as("recall at the default distance").isEqualTo(1.0);
        assertThat(atDefault.precision())
                .as("precision at the default distance")
                .isEqualTo(1.0);
    }

    /** Pairs of versions, by whether they show the same photo and whether the grouping put them together. */
    record Score(long truePositives, long falsePositives, long falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0
                    ? 1.0
                    : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0
                    ? 1.0
                    : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** Through NearDuplicates.group, not pairwise distances: the grouping is transitive, and that is what users see. */
    private Score score(int maxDistance) {
        Map<Version, Integer> groupOf = new HashMap<>();
        List<List<Version>> groups = NearDuplicates.group(versions, Version::fingerprint, maxDistance);
        for (int g = 0; g < groups.size(); g++) {
            for (Version version : groups.get(g)) {
                groupOf.put(version, g);
            }
        }
        long truePositives = 0;
        long falsePositives = 0;
        long falseNegatives = 0;
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                Version a = versions.get(i);
                Version b = versions.get(j);
                boolean same = a.photo().equals(b.photo());
                boolean grouped = groupOf.containsKey(a) && groupOf.get(a).equals(groupOf.get(b));
                if (same && grouped) {
                    truePositives++;
                } else if (grouped) {
                    falsePositives++;
                } else if (same) {
                    falseNegatives++;
                }
            }
        }
        return new Score(truePositives, falsePositives, falseNegatives);
    }

    private void printDistances() {
        Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
        Map<Kind, Integer> maxByKind = new EnumMap<>(Kind.class);
        Map<String, Version> originals = new HashMap<>();
        versions.stream().filter(v -> v.kind() == Kind.ORIGINAL).forEach(v -> originals.put(v.file(), v));
        for (Version version : versions) {
            if (version.kind() != Kind.ORIGINAL) {
                int distance = version.fingerprint()
                        .distanceTo(originals.get(version.file()).fingerprint());
                byKind.computeIfAbsent(version.kind(), kind -> new ArrayList<>())
                        .add(version.file() + "=" + distance);
                maxByKind.merge(version.kind(), distance, Math::max);
            }
        }
        System.out.println("distance of each copy to its original, by kind:");
        byKind.forEach((kind, distances) -> System.out.println(
                "  " + kind + " (max " + maxByKind.get(kind) + "): " + String.join(", ", distances)));

        record Pair(Version a, Version b, int distance) {}
        List<Pair> samePhoto = new ArrayList<>();
        List<Pair> distinct = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                Version a = versions.get(i);
                Version b = versions.get(j);
                Pair pair = new Pair(a, b, a.fingerprint().distanceTo(b.fingerprint()));
                (a.photo().equals(b.photo()) ? samePhoto : distinct).add(pair);
            }
        }
        Pair farthest =
                samePhoto.stream().max(Comparator.comparingInt(Pair::distance)).orElseThrow();
        System.out.println("largest distance between two versions of one photo: " + farthest);
        System.out.println("distinct photos, the closest pairs of versions:");
        distinct.stream()
                .sorted(Comparator.comparingInt(Pair::distance))
                .limit(5)
                .forEach(pair -> System.out.println("  " + pair));
        Pair closestOriginals = distinct.stream()
                .filter(pair -> pair.a().kind() == Kind.ORIGINAL && pair.b().kind() == Kind.ORIGINAL)
                .min(Comparator.comparingInt(Pair::distance))
                .orElseThrow();
        System.out.println("closest two originals of distinct photos: " + closestOriginals);
        System.out.println("fingerprints of the originals:");
        originals.values().stream()
                .sorted(Comparator.comparing(Version::file))
                .forEach(v -> System.out.println("  " + v.fingerprint().hex() + "  " + v.file()));
    }

    private Fingerprint fingerprint(byte[] file) throws ImagingFailure {
        try (RenderedImage image =
                pipeline.render(file, SourceFormat.sniff(file).orElseThrow().contentType())) {
            return image.analysis().fingerprint();
        }
    }

    /**
     * The copies are made from the photo as the worker sees it (upright, colour-managed to 8-bit sRGB, full size), as
     * an editor or a viewer's "export" would, and saved without metadata. PNG keeps them lossless, so that each
     * copy differs from its original by its one change; only the JPEG copy adds loss, and it lays transparency on
     * white first, as editors do (libvips' default black would make image-in-alpha.png a black rectangle).
     */
    private Map<Kind, byte[]> derive(byte[] original) {
        Map<Kind, byte[]> derived = new EnumMap<>(Kind.class);
        try (VipsImage upright = upright(original)) {
            try (VipsImage half = vips.apply("resize", upright, "scale=0.5")) {
                derived.put(Kind.HALF_SIZE, png(half));
            }
            try (VipsImage opaque = upright.hasAlpha()
                    ? vips.apply("flatten", upright, "background=255")
                    : vips.apply("copy", upright, "")) {
                derived.put(Kind.JPEG_60, vips.save("jpegsave_buffer", opaque, "Q=60,strip=true"));
            }
            int left = Math.round(upright.width() * 0.025f);
            int top = Math.round(upright.height() * 0.025f);
            // embed at a negative offset in a smaller canvas is a crop; extract_area names its image "input",
            // which Vips.apply cannot pass
            try (VipsImage cropped = vips.apply(
                    "embed",
                    upright,
                    "x=" + -left + ",y=" + -top + ",width=" + (upright.width() - 2 * left) + ",height="
                            + (upright.height() - 2 * top))) {
                derived.put(Kind.CROPPED_5_PERCENT, png(cropped));
            }
            derived.put(Kind.PNG, png(upright));
        }
        return derived;
    }

    /** As VipsRenderer decodes its large size, at full size. */
    private VipsImage upright(byte[] original) {
        try (VipsBlob blob = vips.blob(original)) {
            ColourHandling colour;
            int side;
            try (VipsImage opened = vips.open(blob, "")) {
                colour = ColourHandling.of(opened);
                side = Math.max(opened.width(), opened.height());
            }
            try (VipsImage decoded = vips.thumbnail(blob, side, "height=" + side + ",size=down");
                    VipsImage managed = colour.managed()
                            ? vips.apply("icc_transform", decoded, colour.transformOptions())
                            : vips.apply("copy", decoded, "");
                    VipsImage srgb = vips.apply("colourspace", managed, "space=srgb");
                    VipsImage bytes = vips.apply("cast", srgb, "format=uchar")) {
                return bytes.copyMemory();
            }
        }
    }

    /** Fast compression: each copy is read back once. */
    private byte[] png(VipsImage image) {
        return vips.save("pngsave_buffer", image, "compression=1,strip=true");
    }
}
