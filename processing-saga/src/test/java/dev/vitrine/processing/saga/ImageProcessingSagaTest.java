package dev.vitrine.processing.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.command.MarkImageStalled;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.processing.job.JobTrace;
import dev.vitrine.processing.job.ProcessImageJob;
import dev.vitrine.processing.worker.ProcessingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processing saga, given what happened to an image, dispatches, retries, stalls and ends as it should. */
class ImageProcessingSagaTest {

    static final UUID IMAGE = UUID.randomUUID();
    static final UUID GALLERY = UUID.randomUUID();
    static final String KEY = GALLERY + "/" + IMAGE + "/original";
    static final String SHA = "d".repeat(64);
    static final ProcessingSettings SETTINGS = new ProcessingSettings(
            true,
            1,
            2,
            "q",
            5,
            3,
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofSeconds(60),
            3,
            Duration.ofSeconds(30),
            Duration.ofMillis(250),
            Duration.ofSeconds(15),
            10,
            "");

    static final UploadConfirmed confirmed = new UploadConfirmed(IMAGE, GALLERY, KEY, "image/jpeg", 1000, SHA);

    SagaTestFixture<ImageProcessingSaga> fixture;
    RecordingJobQueue queue;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ImageProcessingSaga.class);
        queue = new RecordingJobQueue();
        fixture.registerResource(new JobDispatcher(queue, JobTrace.NONE));
        fixture.registerResource(SETTINGS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    static Object[] completeGeneration(int generation) {
        List<Object> events = new ArrayList<>();
        events.add(new ImageAnalyzed(IMAGE, GALLERY, generation, 100, 80, 1.25, "L00000fQfQfQfQfQfQfQfQfQfQfQ"));
        for (VariantFormat format : VariantFormat.values()) {
            if (format == VariantFormat.JPEG) {
                continue;
            }
            for (VariantSize size : VariantSize.values()) {
                events.add(new VariantGenerated(
                        IMAGE, GALLERY, generation, size, format, 100, 80, 10, KEY + size + format));
            }
            if (format == VariantFormat.WEBP) {
                events.add(new ImagePublished(IMAGE, GALLERY, generation));
            }
        }
        events.add(new ImageProcessingCompleted(IMAGE, GALLERY, generation));
        return events.toArray();
    }

    @Test
    void a_confirmed_upload_is_dispatched_with_an_attempt_deadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(confirmed)
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(1, 1));
        assertThat(queue.submitted).singleElement().satisfies(job -> {
            assertThat(job.imageId()).isEqualTo(IMAGE);
            assertThat(job.generation()).isEqualTo(1);
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.objectKey()).isEqualTo(KEY);
            assertThat(job.sha256()).isEqualTo(SHA);
        });
    }

    @Test
    void a_failed_attempt_is_retried_after_a_delay() {
        fixture.givenAPublished(confirmed)
                .whenPublishingA(new ImageProcessingFailed(IMAGE, GALLERY, 1, 1, "storage unavailable"))
                .expectScheduledDeadline(Duration.ofSeconds(2), new ImageProcessingSaga.RetryDue(1, 2))
                .expectNoScheduledDeadlineWithName(Duration.ofMinutes(10), ImageProcessingSaga.ATTEMPT_TIMED_OUT);
    }

    @Test
    void when_the_retry_is_due_the_next_attempt_is_dispatched() {
        fixture.givenAPublished(confirmed)
                .andThenAPublished(new ImageProcessingFailed(IMAGE, GALLERY, 1, 1, "storage unavailable"))
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectDeadlinesMet(new ImageProcessingSaga.RetryDue(1, 2))
                .expectScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(1, 2));
        assertThat(queue.submitted).extracting(ProcessImageJob::attempt).containsExactly(1, 2);
    }

    @Test
    void an_attempt_that_does_not_finish_in_time_is_retried() {
        fixture.givenAPublished(confirmed)
                .whenTimeElapses(Duration.ofMinutes(10))
                .expectDeadlinesMet(new ImageProcessingSaga.AttemptTimedOut(1, 1))
                .expectScheduledDeadline(Duration.ofSeconds(2), new ImageProcessingSaga.RetryDue(1, 2));
    }

    @Test
    void when_the_attempts_are_used_up_the_image_is_stalled() throws Exception {
        fixture.givenAPublished(confirmed)
                .andThenAPublished(new ImageProcessingFailed(IMAGE, GALLERY, 1, 1, "storage unavailable"))
                .andThenTimeElapses(Duration.ofSeconds(3))
                .andThenAPublished(new ImageProcessingFailed(IMAGE, GALLERY, 1, 2, "storage unavailable"))
                .andThenTimeElapses(Duration.ofSeconds(5))
                .whenPublishingA(new ImageProcessingFailed(IMAGE, GALLERY, 1, 3, "storage unavailable"))
                .expectDispatchedCommands(new MarkImageStalled(IMAGE, 1, 3, "storage unavailable"));
    }

    @Test
    void a_queue_that_does_not_take_the_job_has_it_dispatched_again_later_without_spending_an_attempt() {
        queue.down = true;
        fixture.givenNoPriorActivity()
                .whenPublishingA(confirmed)
                .expectScheduledDeadline(Duration.ofSeconds(2), new ImageProcessingSaga.DispatchDue(1, 1))
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(2), ImageProcessingSaga.RETRY_DUE);
    }

    @Test
    void an_outage_of_the_queue_longer_than_every_attempt_stalls_nothing() throws Exception {
        queue.down = true;
        var outage = fixture.givenAPublished(confirmed);
        // refused again at 2 s, 4 s, 8 s, ... 5 min: far more times than there are attempts
        for (int refusal = 1; refusal <= 8; refusal++) {
            outage = outage.andThenTimeElapses(SETTINGS.retryDelay(refusal + 1));
        }
        queue.down = false;
        outage.whenTimeElapses(SETTINGS.maxRetryDelay())
                .expectNoDispatchedCommands()
                .expectScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(1, 1));
        assertThat(queue.submitted)
                .singleElement()
                .satisfies(job -> assertThat(job.attempt()).isEqualTo(1));
    }

    @Test
    void a_stale_failure_of_an_earlier_attempt_changes_nothing() {
        fixture.givenAPublished(confirmed)
                .whenPublishingA(new ImageProcessingFailed(IMAGE, GALLERY, 1, 7, "late news"))
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(2), ImageProcessingSaga.RETRY_DUE)
                .expectNoDispatchedCommands();
    }

    @Test
    void the_saga_ends_when_the_image_says_its_processing_is_complete() {
        Object[] all = completeGeneration(1);
        fixture.givenAggregate(IMAGE.toString())
                .published(prepend(confirmed, Arrays.copyOf(all, all.length - 1)))
                .whenAggregate(IMAGE.toString())
                .publishes(all[all.length - 1])
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void every_variant_recorded_is_not_the_end_until_the_image_says_so() {
        Object[] all = completeGeneration(1);
        fixture.givenAggregate(IMAGE.toString())
                .published(prepend(confirmed, Arrays.copyOf(all, all.length - 2)))
                .whenAggregate(IMAGE.toString())
                .publishes(all[all.length - 2])
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofHours(1), new ImageProcessingSaga.AttemptTimedOut(1, 1));
    }

    @Test
    void a_completion_of_an_older_generation_does_not_end_the_new_one() {
        fixture.givenAggregate(IMAGE.toString())
                .published(prepend(confirmed, completeGeneration(1)))
                .andThenAPublished(new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA))
                .whenPublishingA(new ImageProcessingCompleted(IMAGE, GALLERY, 1))
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(2, 1));
    }

    @Test
    void published_with_webp_only_the_saga_gives_the_avif_set_its_own_time() {
        Object[] all = completeGeneration(1);
        fixture.givenAggregate(IMAGE.toString())
                .published(prepend(confirmed, Arrays.copyOf(all, 5)))
                .whenAggregate(IMAGE.toString())
                .publishes(all[5])
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofHours(1), new ImageProcessingSaga.AttemptTimedOut(1, 1))
                .expectNoScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(1, 1));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void a_rejected_stalled_or_deleted_image_ends_the_saga() {
        fixture.givenAPublished(confirmed)
                .whenPublishingA(new ImageRejected(IMAGE, GALLERY, 1, "corrupt_image", "broken"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        fixture.givenAPublished(confirmed)
                .whenPublishingA(new ImageProcessingStalled(IMAGE, GALLERY, 1, 5, "down"))
                .expectActiveSagas(0);
        fixture.givenAPublished(confirmed)
                .whenPublishingA(new ImageDeleted(IMAGE, GALLERY))
                .expectActiveSagas(0);
    }

    @Test
    void reprocessing_dispatches_the_new_generation() {
        fixture.givenAggregate(IMAGE.toString())
                .published(prepend(confirmed, completeGeneration(1)))
                .whenPublishingA(new ImageReprocessingRequested(IMAGE, GALLERY, 2, KEY, "image/jpeg", SHA))
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofMinutes(10), new ImageProcessingSaga.AttemptTimedOut(2, 1));
        assertThat(queue.submitted).extracting(ProcessImageJob::generation).containsExactly(1, 2);
    }
}
