package dev.vitrine.command.image;

import static dev.vitrine.command.Rejections.rejected;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.command.DeleteImage;
import dev.vitrine.api.image.command.MarkImageStalled;
import dev.vitrine.api.image.command.RecordProcessingFailure;
import dev.vitrine.api.image.command.RecordProcessingResult;
import dev.vitrine.api.image.command.RejectImage;
import dev.vitrine.api.image.command.ReprocessImage;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.command.KnownImages;
import dev.vitrine.command.gallery.KnownGalleries;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Processing results arrive once per generation: published with BlurHash and every WebP size, AVIF after. */
class ImageProcessingTest {

    static final UUID IMAGE = UUID.randomUUID();
    static final UUID GALLERY = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final String KEY = GALLERY + "/" + IMAGE + "/original";
    static final String SHA = "c".repeat(64);

    static final UploadRequested requested = new UploadRequested(
            IMAGE,
            GALLERY,
            OWNER,
            OWNER,
            "tram.jpg",
            "image/jpeg",
            1000,
            KEY,
            Instant.now().plusSeconds(600));
    static final UploadConfirmed confirmed = new UploadConfirmed(IMAGE, GALLERY, KEY, "image/jpeg", 1000, SHA);
    static final ImageAnalyzed analyzed =
            new ImageAnalyzed(IMAGE, GALLERY, 1, 2725, 2225, 2725.0 / 2225, "LKO2?U%2Tw=w]~RBVZRi};RPxuwH");

    AggregateTestFixture<Image> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Image.class);
        fixture.registerInjectableResource(new KnownGalleries().with(GALLERY, OWNER));
        fixture.registerInjectableResource(new KnownImages());
    }

    static RecordProcessingResult variant(int generation, VariantSize size, VariantFormat format) {
        return new RecordProcessingResult(IMAGE, generation, null, List.of(stored(generation, size, format)));
    }

    static RecordProcessingResult.Variant stored(int generation, VariantSize size, VariantFormat format) {
        return new RecordProcessingResult.Variant(size, format, 100, 80, 1234, key(generation, size, format));
    }

    static RecordProcessingResult analysis(int generation) {
        return new RecordProcessingResult(
                IMAGE, generation, new RecordProcessingResult.Analysis(2725, 2225, analyzed.blurhash()), List.of());
    }

    static VariantGenerated generated(int generation, VariantSize size, VariantFormat format) {
        return new VariantGenerated(
                IMAGE, GALLERY, generation, size, format, 100, 80, 1234, key(generation, size, format));
    }

    static String key(int generation, VariantSize size, VariantFormat format) {
        return GALLERY + "/" + IMAGE + "/g" + generation + "/" + size + "." + format;
    }

    static List<Object> webpSet(int generation, VariantSize... except) {
        List<Object> events = new ArrayList<>();
        for (VariantSize size : VariantSize.values()) {
            if (!List.of(except).contains(size)) {
                events.add(generated(generation, size, VariantFormat.WEBP));
            }
        }
        return events;
    }

    static List<Object> history(Object... events) {
        List<Object> all = new ArrayList<>(List.of(requested, confirmed));
        for (Object event : events) {
            if (event instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(event);
            }
        }
        return all;
    }

    @Nested
    class Publishing {

        @Test
        void the_analysis_is_recorded_with_the_aspect_ratio() {
            fixture.given(history()).when(analysis(1)).expectEvents(analyzed);
        }

        @Test
        void how_the_photo_was_taken_and_its_fingerprint_are_recorded_with_its_analysis() {
            var capture = new Capture(
                    LocalDateTime.of(2016, 7, 10, 17, 37, 46),
                    ZoneOffset.ofHours(2),
                    "Canon",
                    "Canon EOS 5D Mark III",
                    null,
                    35.0,
                    2.8,
                    0.004,
                    400,
                    1,
                    new Capture.Location(38.7139, -9.1334, 12.0));
            Fingerprint look = Fingerprint.ofHex("cc7e7a1954c407e3");
            fixture.given(history())
                    .when(new RecordProcessingResult(
                            IMAGE,
                            1,
                            new RecordProcessingResult.Analysis(
                                    2725, 2225, analyzed.blurhash(), "image/jpeg", capture, look),
                            List.of()))
                    .expectEvents(new ImageAnalyzed(
                            IMAGE,
                            GALLERY,
                            1,
                            2725,
                            2225,
                            2725.0 / 2225,
                            analyzed.blurhash(),
                            "image/jpeg",
                            capture,
                            look));
        }

        @Test
        void the_last_webp_size_publishes_an_analysed_image() {
            fixture.given(history(analyzed, webpSet(1, VariantSize.THUMBNAIL)))
                    .when(variant(1, VariantSize.THUMBNAIL, VariantFormat.WEBP))
                    .expectEvents(
                            generated(1, VariantSize.THUMBNAIL, VariantFormat.WEBP),
                            new ImagePublished(IMAGE, GALLERY, 1));
        }

        @Test
        void the_analysis_publishes_an_image_whose_webp_set_is_complete() {
            fixture.given(history(webpSet(1)))
                    .when(analysis(1))
                    .expectEvents(analyzed, new ImagePublished(IMAGE, GALLERY, 1));
        }

        @Test
        void avif_variants_do_not_hold_publication_back_and_follow_it() {
            fixture.given(history(analyzed, webpSet(1), new ImagePublished(IMAGE, GALLERY, 1)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.AVIF))
                    .expectEvents(generated(1, VariantSize.LARGE, VariantFormat.AVIF));
        }

        @Test
        void a_publishing_half_records_its_analysis_and_webp_set_and_publishes_at_once() {
            List<RecordProcessingResult.Variant> webp = new ArrayList<>();
            List<Object> expected = new ArrayList<>(List.of(analyzed));
            for (VariantSize size : VariantSize.values()) {
                webp.add(stored(1, size, VariantFormat.WEBP));
                expected.add(generated(1, size, VariantFormat.WEBP));
            }
            expected.add(new ImagePublished(IMAGE, GALLERY, 1));
            fixture.given(history())
                    .when(new RecordProcessingResult(
                            IMAGE, 1, new RecordProcessingResult.Analysis(2725, 2225, analyzed.blurhash()), webp))
                    .expectEvents(expected.toArray());
        }

        @Test
        void a_redelivered_half_records_only_what_is_new() {
            fixture.given(history(analyzed, generated(1, VariantSize.LARGE, VariantFormat.AVIF)))
                    .when(new RecordProcessingResult(
                            IMAGE,
                            1,
                            null,
                            List.of(
                                    stored(1, VariantSize.LARGE, VariantFormat.AVIF),
                                    stored(1, VariantSize.MEDIUM, VariantFormat.AVIF))))
                    .expectEvents(generated(1, VariantSize.MEDIUM, VariantFormat.AVIF));
        }

        @Test
        void a_variant_recorded_twice_changes_nothing() {
            fixture.given(history(analyzed, generated(1, VariantSize.LARGE, VariantFormat.WEBP)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.WEBP))
                    .expectNoEvents();
        }

        @Test
        void an_analysis_recorded_twice_changes_nothing() {
            fixture.given(history(analyzed)).when(analysis(1)).expectNoEvents();
        }

        @Test
        void results_for_a_deleted_image_change_nothing() {
            fixture.given(history(new ImageDeleted(IMAGE, GALLERY)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.WEBP))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }

    static List<Object> avifSet(int generation, VariantSize... except) {
        List<Object> events = new ArrayList<>();
        for (VariantSize size : VariantSize.values()) {
            if (!List.of(except).contains(size)) {
                events.add(generated(generation, size, VariantFormat.AVIF));
            }
        }
        return events;
    }

    @Nested
    class Completing {

        @Test
        void the_last_avif_size_completes_a_published_image() {
            fixture.given(history(
                            analyzed,
                            webpSet(1),
                            new ImagePublished(IMAGE, GALLERY, 1),
                            avifSet(1, VariantSize.MEDIUM)))
                    .when(variant(1, VariantSize.MEDIUM, VariantFormat.AVIF))
                    .expectEvents(
                            generated(1, VariantSize.MEDIUM, VariantFormat.AVIF),
                            new ImageProcessingCompleted(IMAGE, GALLERY, 1));
        }

        @Test
        void an_image_is_not_complete_while_a_webp_size_is_missing() {
            fixture.given(history(analyzed, webpSet(1, VariantSize.SMALL), avifSet(1, VariantSize.LARGE)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.AVIF))
                    .expectEvents(generated(1, VariantSize.LARGE, VariantFormat.AVIF));
        }

        @Test
        void every_variant_at_once_publishes_and_completes_in_that_order() {
            List<RecordProcessingResult.Variant> all = new ArrayList<>();
            List<Object> expected = new ArrayList<>(List.of(analyzed));
            for (VariantFormat format : List.of(VariantFormat.WEBP, VariantFormat.AVIF)) {
                for (VariantSize size : VariantSize.values()) {
                    all.add(stored(1, size, format));
                    expected.add(generated(1, size, format));
                }
            }
            expected.add(new ImagePublished(IMAGE, GALLERY, 1));
            expected.add(new ImageProcessingCompleted(IMAGE, GALLERY, 1));
            fixture.given(history())
                    .when(new RecordProcessingResult(
                            IMAGE, 1, new RecordProcessingResult.Analysis(2725, 2225, analyzed.blurhash()), all))
                    .expectEvents(expected.toArray());
        }

        @Test
        void a_redelivered_result_after_completion_says_nothing_again() {
            fixture.given(history(
                            analyzed,
                            webpSet(1),
                            new ImagePublished(IMAGE, GALLERY, 1),
                            avifSet(1),
                            new ImageProcessingCompleted(IMAGE, GALLERY, 1)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.AVIF))
                    .expectNoEvents();
        }

        /** Images processed before completion was an event never got one; they are complete all the same. */
        @Test
        void an_image_completed_before_the_event_existed_is_not_completed_again() {
            fixture.given(history(analyzed, webpSet(1), new ImagePublished(IMAGE, GALLERY, 1), avifSet(1)))
                    .when(variant(1, VariantSize.THUMBNAIL, VariantFormat.AVIF))
                    .expectNoEvents();
        }

        @Test
        void each_generation_completes_on_its_own() {
            var reprocess = new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA);
            var analyzedAgain = new ImageAnalyzed(IMAGE, GALLERY, 2, 2725, 2225, 2725.0 / 2225, analyzed.blurhash());
            fixture.given(history(
                            analyzed,
                            webpSet(1),
                            new ImagePublished(IMAGE, GALLERY, 1),
                            avifSet(1),
                            reprocess,
                            analyzedAgain,
                            webpSet(2),
                            new ImagePublished(IMAGE, GALLERY, 2),
                            avifSet(2, VariantSize.SMALL)))
                    .when(variant(2, VariantSize.SMALL, VariantFormat.AVIF))
                    .expectEvents(
                            generated(2, VariantSize.SMALL, VariantFormat.AVIF),
                            new ImageProcessingCompleted(IMAGE, GALLERY, 2));
        }
    }

    @Nested
    class Failing {

        @Test
        void a_file_that_is_no_acceptable_image_is_rejected_with_its_reason() {
            fixture.given(history())
                    .when(new RejectImage(IMAGE, 1, "too_many_pixels", "65536×65536 is over the limit"))
                    .expectEvents(
                            new ImageRejected(IMAGE, GALLERY, 1, "too_many_pixels", "65536×65536 is over the limit"));
        }

        @Test
        void a_failed_attempt_is_recorded() {
            fixture.given(history())
                    .when(new RecordProcessingFailure(IMAGE, 1, 2, "storage unavailable"))
                    .expectEvents(new ImageProcessingFailed(IMAGE, GALLERY, 1, 2, "storage unavailable"));
        }

        @Test
        void an_image_whose_attempts_are_used_up_is_stalled() {
            fixture.given(history())
                    .when(new MarkImageStalled(IMAGE, 1, 5, "storage unavailable"))
                    .expectEvents(new ImageProcessingStalled(IMAGE, GALLERY, 1, 5, "storage unavailable"));
        }

        @Test
        void results_after_a_rejection_change_nothing() {
            fixture.given(history(new ImageRejected(IMAGE, GALLERY, 1, "corrupt_image", "broken")))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.WEBP))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reprocessing {

        final Actor owner = Actor.user(OWNER);

        @Test
        void the_owner_reprocesses_an_image_as_a_new_generation() {
            fixture.given(history(analyzed, webpSet(1), new ImagePublished(IMAGE, GALLERY, 1)))
                    .when(new ReprocessImage(IMAGE, GALLERY, owner))
                    .expectEvents(new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA));
        }

        @Test
        void results_of_the_old_generation_change_nothing_once_a_new_one_started() {
            fixture.given(history(new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA)))
                    .when(variant(1, VariantSize.LARGE, VariantFormat.AVIF))
                    .expectNoEvents();
        }

        @Test
        void the_new_generation_is_published_in_its_turn() {
            var reprocess = new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA);
            var analyzedAgain = new ImageAnalyzed(IMAGE, GALLERY, 2, 2725, 2225, 2725.0 / 2225, analyzed.blurhash());
            fixture.given(history(
                            analyzed,
                            webpSet(1),
                            new ImagePublished(IMAGE, GALLERY, 1),
                            reprocess,
                            analyzedAgain,
                            webpSet(2, VariantSize.SMALL)))
                    .when(variant(2, VariantSize.SMALL, VariantFormat.WEBP))
                    .expectEvents(
                            generated(2, VariantSize.SMALL, VariantFormat.WEBP), new ImagePublished(IMAGE, GALLERY, 2));
        }

        @Test
        void a_stalled_image_may_be_reprocessed() {
            fixture.given(history(new ImageProcessingStalled(IMAGE, GALLERY, 1, 5, "storage unavailable")))
                    .when(new ReprocessImage(IMAGE, GALLERY, owner))
                    .expectEvents(new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA));
        }

        @Test
        void nobody_else_reprocesses_it() {
            fixture.given(history())
                    .when(new ReprocessImage(IMAGE, GALLERY, Actor.user(UUID.randomUUID())))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_deleted_image_is_not_reprocessed() {
            fixture.given(history(new ImageDeleted(IMAGE, GALLERY)))
                    .when(new ReprocessImage(IMAGE, GALLERY, owner))
                    .expectException(rejected(ErrorCode.IMAGE_DELETED));
            fixture.given(history())
                    .when(new DeleteImage(IMAGE, GALLERY, owner))
                    .expectEvents(new ImageDeleted(IMAGE, GALLERY));
        }
    }
}
