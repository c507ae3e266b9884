package dev.vitrine.processing.saga;

import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.JobTrace;
import dev.vitrine.processing.job.ProcessImageJob;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Puts an attempt's job on the queue for the saga; says whether the queue took it. */
@Component
public class JobDispatcher {

    private static final Logger log = LoggerFactory.getLogger(JobDispatcher.class);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofSeconds(10);

    private final JobQueue jobs;
    private final JobTrace trace;

    public JobDispatcher(JobQueue jobs, JobTrace trace) {
        this.jobs = jobs;
        this.trace = trace;
    }

    boolean submit(ImageProcessingSaga.Attempt attempt) {
        var job = new ProcessImageJob(
                UUID.randomUUID(),
                attempt.imageId(),
                attempt.galleryId(),
                attempt.generation(),
                attempt.number(),
                attempt.objectKey(),
                attempt.contentType(),
                attempt.sha256(),
                attempt.correlationId(),
                ProcessImageJob.Phase.PUBLISH,
                // the saga's handling of the event, within the trace of the request that caused it
                trace.capture());
        try {
            jobs.submit(job).block(SUBMIT_TIMEOUT);
            return true;
        } catch (RuntimeException unavailable) {
            log.warn(
                    "The job queue did not take job {} for image {}: {}",
                    job.jobId(),
                    job.imageId(),
                    unavailable.getMessage());
            return false;
        }
    }
}
