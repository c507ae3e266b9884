package dev.vitrine.processing.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.vitrine.api.image.command.MarkImageStalled;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.processing.worker.ProcessingSettings;
import java.time.Duration;
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

/**
 * Drives one image through processing. Each attempt is a job on the queue guarded by a deadline; a failed attempt
 * (or one the queue would not take, or one whose deadline passed) is retried after a growing delay until the
 * attempts are used up and the image is stalled. The saga ends when the image says its processing is complete, or
 * when it is rejected, stalled or deleted; reprocessing starts a new generation. What it needs (the queue, the
 * deadlines, the settings) comes as handler parameters: its stored state is only where the image stands.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
// sagas stored before the image decided completion kept what they had seen (analysed, published, variants)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ImageProcessingSaga {

    static final String IMAGE_ID = "imageId";
    static final String ATTEMPT_TIMED_OUT = "processing-attempt-timed-out";
    static final String RETRY_DUE = "processing-retry-due";
    static final String DISPATCH_DUE = "processing-dispatch-due";

    private Attempt attempt;
    private Deadline deadline;
    /** How often in a row the queue refused this attempt's job: the back-off before dispatching it again. */
    private int queueRefusals;

    @StartSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(
            UploadConfirmed event,
            EventMessage<?> message,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        begin(
                new Attempt(
                        event.imageId(),
                        event.galleryId(),
                        1,
                        1,
                        event.objectKey(),
                        event.contentType(),
                        event.sha256(),
                        correlationOf(message)),
                new Resources(jobs, deadlines, settings, commands));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(
            ImageReprocessingRequested event,
            EventMessage<?> message,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        begin(
                new Attempt(
                        event.imageId(),
                        event.galleryId(),
                        event.generation(),
                        1,
                        event.objectKey(),
                        event.contentType(),
                        event.sha256(),
                        correlationOf(message)),
                new Resources(jobs, deadlines, settings, commands));
    }

    /** Published: the attempt now has the (longer) time its AVIF set may take. */
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImagePublished event, DeadlineManager deadlines, ProcessingSettings settings) {
        if (isCurrent(event.generation()) && deadline != null && deadline.name().equals(ATTEMPT_TIMED_OUT)) {
            cancelDeadline(deadlines);
            schedule(
                    deadlines,
                    ATTEMPT_TIMED_OUT,
                    settings.completionTimeout(),
                    new AttemptTimedOut(attempt.generation(), attempt.number()));
        }
    }

    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageProcessingCompleted event, DeadlineManager deadlines) {
        if (isCurrent(event.generation())) {
            cancelDeadline(deadlines);
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(
            ImageProcessingFailed event,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        if (isCurrent(event.generation()) && event.attempt() == attempt.number()) {
            cancelDeadline(deadlines);
            retryOrStall(event.reason(), new Resources(jobs, deadlines, settings, commands));
        }
    }

    @DeadlineHandler(deadlineName = ATTEMPT_TIMED_OUT)
    void on(
            AttemptTimedOut due,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        if (attempt != null && due.generation() == attempt.generation() && due.attempt() == attempt.number()) {
            deadline = null; // it is this one, firing: a running deadline cannot be cancelled
            retryOrStall(
                    "attempt " + due.attempt() + " did not finish in time",
                    new Resources(jobs, deadlines, settings, commands));
        }
    }

    @DeadlineHandler(deadlineName = RETRY_DUE)
    void on(
            RetryDue due,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        if (attempt != null && due.generation() == attempt.generation() && due.attempt() == attempt.number() + 1) {
            deadline = null;
            attempt = attempt.next();
            dispatch(new Resources(jobs, deadlines, settings, commands));
        }
    }

    @DeadlineHandler(deadlineName = DISPATCH_DUE)
    void on(
            DispatchDue due,
            JobDispatcher jobs,
            DeadlineManager deadlines,
            ProcessingSettings settings,
            CommandGateway commands) {
        if (attempt != null && due.generation() == attempt.generation() && due.attempt() == attempt.number()) {
            deadline = null;
            dispatch(new Resources(jobs, deadlines, settings, commands));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageRejected event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageProcessingStalled event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = IMAGE_ID)
    void on(ImageDeleted event, DeadlineManager deadlines) {
        cancelDeadline(deadlines);
    }

    private void begin(Attempt first, Resources with) {
        cancelDeadline(with.deadlines());
        attempt = first;
        dispatch(with);
    }

    /**
     * A queue that does not take the job is an outage, not the image's fault: the same attempt is dispatched again,
     * later and later (the retry delays), for as long as it takes; no attempt is spent.
     */
    private void dispatch(Resources with) {
        if (with.jobs().submit(attempt)) {
            queueRefusals = 0;
            schedule(
                    with.deadlines(),
                    ATTEMPT_TIMED_OUT,
                    with.settings().attemptTimeout(),
                    new AttemptTimedOut(attempt.generation(), attempt.number()));
        } else {
            queueRefusals++;
            schedule(
                    with.deadlines(),
                    DISPATCH_DUE,
                    with.settings().retryDelay(queueRefusals + 1),
                    new DispatchDue(attempt.generation(), attempt.number()));
        }
    }

    private void retryOrStall(String reason, Resources with) {
        if (attempt.number() < with.settings().maxAttempts()) {
            int next = attempt.number() + 1;
            schedule(
                    with.deadlines(),
                    RETRY_DUE,
                    with.settings().retryDelay(next),
                    new RetryDue(attempt.generation(), next));
        } else {
            with.commands()
                    .sendAndWait(GenericCommandMessage.asCommandMessage(new MarkImageStalled(
                                    attempt.imageId(), attempt.generation(), attempt.number(), reason))
                            .andMetaData(MetaData.with(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR)
                                    .and(EventMetadata.REASON, "processing attempts used up")));
        }
    }

    private void schedule(DeadlineManager deadlines, String name, Duration after, Object payload) {
        deadline = new Deadline(name, deadlines.schedule(after, name, payload));
    }

    private void cancelDeadline(DeadlineManager deadlines) {
        if (deadline != null) {
            deadlines.cancelSchedule(deadline.name(), deadline.id());
            deadline = null;
        }
    }

    private boolean isCurrent(int generation) {
        return attempt != null && attempt.generation() == generation;
    }

    private static String correlationOf(EventMessage<?> message) {
        Object correlation = message.getMetaData().get(EventMetadata.CORRELATION_ID);
        return correlation == null ? null : correlation.toString();
    }

    /** What a handler was given to act with (never stored with the saga). */
    private record Resources(
            JobDispatcher jobs, DeadlineManager deadlines, ProcessingSettings settings, CommandGateway commands) {}

    /** The attempt deadline's payload. */
    public record AttemptTimedOut(int generation, int attempt) {}

    /** The payload of the deadline to dispatch an attempt again that the queue did not take. */
    public record DispatchDue(int generation, int attempt) {}

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
