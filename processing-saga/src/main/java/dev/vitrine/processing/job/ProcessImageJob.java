package dev.vitrine.processing.job;

import java.util.UUID;

/**
 * One half of one attempt at processing one generation of an image, as it travels through the queue: the
 * publishing half (BlurHash and WebP) or the completing half (AVIF). It carries everything the worker needs, so
 * the worker reads no projection, and the correlation id of the upload it serves.
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
        Phase phase) {

    public enum Phase {
        PUBLISH,
        COMPLETE
    }

    /** The completing half of this job, as a job of its own. */
    public ProcessImageJob completion() {
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
                Phase.COMPLETE);
    }
}
