package dev.vitrine.processing.job;

import java.util.Map;
import java.util.UUID;

/**
 * One half of one attempt at processing one generation of an image, as it travels through the queue: the
 * publishing half (BlurHash and WebP) or the completing half (AVIF). It carries everything the worker needs, so
 * the worker reads no projection, the correlation id of the upload it serves, and its place in that upload's trace
 * ({@link JobTrace}: null in jobs queued before traces were kept).
 */
public record ProcessImageJob(
        UUID jobId,
        UUID imageId,
        UUID galleryId,
        int generation,
        int attempt,
        String objectKey,
        String contentType,
        String sha256,
        String correlationId,
        Phase phase,
        Map<String, String> trace) {

    public enum Phase {
        PUBLISH,
        COMPLETE
    }

    /** The completing half of this job, as a job of its own, in the trace of whatever queues it. */
    public ProcessImageJob completion(Map<String, String> trace) {
        return new ProcessImageJob(
                UUID.randomUUID(),
                imageId,
                galleryId,
                generation,
                attempt,
                objectKey,
                contentType,
                sha256,
                correlationId,
                Phase.COMPLETE,
                trace);
    }
}
