package dev.vitrine.processing.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vitrine.api.image.command.MarkImageStalled;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.processing.worker.ProcessingSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives one image through processing. Each attempt is a job on the queue guarded by a deadline; a failed attempt
 * (or one the queue would not take, or one whose deadline passed) is retried after a growing delay until the
 * attempts are used up and the image is stalled. The saga ends when the image is published with all eight
 * variants, rejected, stalled or deleted; reprocessing starts a new generation.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ImageProcessingSaga {

    static final String IMAGE_ID = "imageId";
    static final String ATTEMPT_TIMED_OUT = "processing-attempt-timed-out";
    static final String RETRY_DUE = "processing-retry-due";
    static final int VARIANTS = 8;

    @Autowired
    private transient JobDispatcher jobs;

    @Autowired
    private transient DeadlineManager deadlines;

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient ProcessingSettings settings;

    private Attempt attempt;
    private boolean analysed;
    private boolean published;
    private Set<String> variants = new HashSet<>();
    private Deadline deadline;

    @StartSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(UploadConfirmed event, EventMessage<?> message) {
        begin(new Attempt(
                event.imageId(),
                event.galleryId(),
                1,
                1,
                event.objectKey(),
                event.contentType(),
                event.sha256(),
                correlationOf(message)));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageReprocessingRequested event, EventMessage<?> message) {
        begin(new Attempt(
                event.imageId(),
                event.galleryId(),
                event.generation(),
                1,
                event.objectKey(),
                event.contentType(),
                event.sha256(),
                correlationOf(message)));
    }

    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageAnalyzed event) {
        if (isCurrent(event.generation())) {
            analysed = true;
            endIfComplete();
        }
    }

    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(VariantGenerated event) {
        if (isCurrent(event.generation())) {
            variants.add(event.size() + "/" + event.format());
            endIfComplete();
        }
    }

    /** Published: the attempt now has the (longer) time its AVIF set may take. */
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImagePublished event) {
        if (isCurrent(event.generation())) {
            published = true;
            if (deadline != null && deadline.name().equals(ATTEMPT_TIMED_OUT)) {
                cancelDeadline();
                schedule(
                        ATTEMPT_TIMED_OUT,
                        settings.completionTimeout(),
                        new AttemptTimedOut(attempt.generation(), attempt.number()));
            }
            endIfComplete();
        }
    }

    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageProcessingFailed event) {
        if (isCurrent(event.generation()) && event.attempt() == attempt.number()) {
            cancelDeadline();
            retryOrStall(event.reason());
        }
    }

    @DeadlineHandler(deadlineName = ATTEMPT_TIMED_OUT)
    void on(AttemptTimedOut due) {
        if (attempt != null && due.generation() == attempt.generation() && due.attempt() == attempt.number()) {
            deadline = null; // it is this one, firing: a running deadline cannot be cancelled
            retryOrStall("attempt " + due.attempt() + " did not finish in time");
        }
    }

    @DeadlineHandler(deadlineName = RETRY_DUE)
    void on(RetryDue due) {
        if (attempt != null && due.generation() == attempt.generation() && due.attempt() == attempt.number() + 1) {
            deadline = null;
            attempt = attempt.next();
            dispatch();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageRejected event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageProcessingStalled event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageDeleted event) {
        cancelDeadline();
    }

    private void begin(Attempt first) {
        cancelDeadline();
        attempt = first;
        analysed = false;
        published = false;
        variants = new HashSet<>();
        dispatch();
    }

    private void dispatch() {
        if (jobs.submit(attempt)) {
            schedule(
                    ATTEMPT_TIMED_OUT,
                    settings.attemptTimeout(),
                    new AttemptTimedOut(attempt.generation(), attempt.number()));
        } else {
            retryOrStall("the job queue is unavailable");
        }
    }

    private void retryOrStall(String reason) {
        if (attempt.number() < settings.maxAttempts()) {
            int next = attempt.number() + 1;
            schedule(RETRY_DUE, settings.retryDelay(next), new RetryDue(attempt.generation(), next));
        } else {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new MarkImageStalled(attempt.imageId(), attempt.generation(), attempt.number(), reason))
                    .andMetaData(MetaData.with(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR)
                            .and(EventMetadata.REASON, "processing attempts used up")));
        }
    }

    private void schedule(String name, Duration after, Object payload) {
        deadline = new Deadline(name, deadlines.schedule(after, name, payload));
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadlines.cancelSchedule(deadline.name(), deadline.id());
            deadline = null;
        }
    }

    private void endIfComplete() {
        if (analysed && published && variants.size() == VARIANTS) {
            cancelDeadline();
            SagaLifecycle.end();
        }
    }

    private boolean isCurrent(int generation) {
        return attempt != null && attempt.generation() == generation;
    }

    private static String correlationOf(EventMessage<?> message) {
        Object correlation = message.getMetaData().get(EventMetadata.CORRELATION_ID);
        return correlation == null ? null : correlation.toString();
    }

    /** The attempt deadline's payload. */
    public record AttemptTimedOut(int generation, int attempt) {}

    /** The retry deadline's payload: {@code attempt} is the number of the attempt to make. */
    public record RetryDue(int generation, int attempt) {}

    /** A scheduled deadline, kept to cancel it. */
    public record Deadline(String name, String id) {}

    /** What one attempt is about; its job is made from it. */
    public record Attempt(
            UUID imageId,
            UUID galleryId,
            int generation,
            int number,
            String objectKey,
            String contentType,
            String sha256,
            String correlationId) {
        Attempt next() {
            return new Attempt(
                    imageId, galleryId, generation, number + 1, objectKey, contentType, sha256, correlationId);
        }
    }
}
