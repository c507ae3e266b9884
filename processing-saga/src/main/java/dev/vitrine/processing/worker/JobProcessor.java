package dev.vitrine.processing.worker;

import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.UploadRules;
import dev.vitrine.api.image.command.RecordProcessingResult;
import dev.vitrine.processing.imaging.CaptureReader;
import dev.vitrine.processing.imaging.EncodedVariant;
import dev.vitrine.processing.imaging.Encoding;
import dev.vitrine.processing.imaging.ImageAnalysis;
import dev.vitrine.processing.imaging.ImagePipeline;
import dev.vitrine.processing.imaging.ImagingFailure;
import dev.vitrine.processing.imaging.RenderedImage;
import dev.vitrine.processing.job.ProcessImageJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The two halves of a job. Each reads the original, checks it is the file that was confirmed and renders it;
 * {@link #publish} then records the analysis and stores and records the WebP set (which publishes the image),
 * {@link #complete} stores and records the AVIF set. A file that is no acceptable image is rejected; an unexpected
 * failure is recorded as a failed attempt for the saga to retry. When a service is away — the object store ({@link
 * StoreUnavailable}), or the event store that records the outcome ({@link RecordingFailure}) — the caller gives the
 * job back to the queue, and no attempt is spent.
 */
public final class JobProcessor {

    private static final Logger log = LoggerFactory.getLogger(JobProcessor.class);
    /** The rejection of a file that crashes the process: not an {@code ImagingFailure}, as nothing decoded it. */
    public static final String PROCESSING_CRASHED = "processing_crashed";

    private final ImageStore store;
    private final ImagePipeline pipeline;
    private final ProcessingResults results;
    private final ProcessingSettings settings;
    private final byte[] testCrashMarker;

    public JobProcessor(
            ImageStore store, ImagePipeline pipeline, CommandGateway commands, ProcessingSettings settings) {
        this.store = store;
        this.pipeline = pipeline;
        this.results = new ProcessingResults(commands);
        this.settings = settings;
        this.testCrashMarker = settings.testCrashMarker().getBytes(StandardCharsets.UTF_8);
    }

    /** The publishing half: analysis (with how the photo was taken, read from the original) and the WebP set. */
    public void publish(ProcessImageJob job) {
        original(job)
                .ifPresent(original -> rendered(job, original, Encoding.WEBP)
                        .ifPresent(image -> encodeStoreAndRecord(
                                job,
                                image,
                                Encoding.WEBP,
                                new Analysed(image.analysis(), CaptureReader.read(original)))));
    }

    /** The completing half: the AVIF set. */
    public void complete(ProcessImageJob job) {
        original(job)
                .ifPresent(original -> rendered(job, original, Encoding.AVIF)
                        .ifPresent(image -> encodeStoreAndRecord(job, image, Encoding.AVIF, null)));
    }

    /**
     * The job's file stopped the process working on it {@code times} times (a native decoder crashed, or ran the JVM
     * out of memory): the image is refused without decoding it again.
     */
    public void crashed(ProcessImageJob job, int times) {
        log.error("Image {} is refused unread: processing its file stopped the process {} times", job.imageId(), times);
        results.rejected(
                job,
                PROCESSING_CRASHED,
                "processing this file stopped the worker " + times + " times; it is not tried again");
    }

    /** The original, checked; nothing when the job ends here (rejected). */
    private Optional<byte[]> original(ProcessImageJob job) {
        byte[] original;
        try {
            original = store.read(job.objectKey()).block(settings.storageTimeout());
        } catch (ImageStore.OriginalMissingException missing) {
            results.rejected(job, "original_missing", missing.getMessage());
            return Optional.empty();
        } catch (RuntimeException unavailable) {
            throw new StoreUnavailable("reading the original failed: " + unavailable.getMessage(), unavailable);
        }
        haltOnTestMarker(original);
        if (!sha256(original).equals(job.sha256())) {
            results.rejected(job, "original_changed", "the stored file is not the one that was confirmed");
            return Optional.empty();
        }
        return Optional.of(original);
    }

    /**
     * The original rendered, its largest size already encoding as {@code encoding}; nothing when the job ends here
     * (rejected, or a failed attempt).
     */
    private Optional<RenderedImage> rendered(ProcessImageJob job, byte[] original, Encoding encoding) {
        try {
            return Optional.of(pipeline.render(original, job.contentType(), encoding));
        } catch (ImagingFailure refused) {
            results.rejected(job, refused.code().wireName(), refused.getMessage());
            return Optional.empty();
        } catch (RuntimeException unexpected) {
            return failed(job, unexpected);
        }
    }

    /** What the publishing half found: the rendered image's analysis and what the file says of its taking. */
    record Analysed(ImageAnalysis image, Capture capture) {}

    private void encodeStoreAndRecord(ProcessImageJob job, RenderedImage image, Encoding encoding, Analysed analysed) {
        try (image) {
            List<RecordProcessingResult.Variant> stored = store(job, image.encode(encoding));
            results.produced(job, analysed, stored);
        } catch (RecordingFailure | StoreUnavailable giveBack) {
            throw giveBack;
        } catch (RuntimeException failure) {
            failed(job, failure);
        }
    }

    private Optional<RenderedImage> failed(ProcessImageJob job, RuntimeException failure) {
        log.warn("Processing image {} (attempt {}) failed", job.imageId(), job.attempt(), failure);
        results.failed(job, failure.getMessage());
        return Optional.empty();
    }

    /** Stores the variants, all at once, under keys named by their content; answers what to record. */
    private List<RecordProcessingResult.Variant> store(ProcessImageJob job, List<EncodedVariant> variants) {
        List<RecordProcessingResult.Variant> stored = variants.stream()
                .map(variant -> new RecordProcessingResult.Variant(
                        variant.spec().size(),
                        variant.encoding().format(),
                        variant.width(),
                        variant.height(),
                        variant.bytes().length,
                        UploadRules.variantPrefix(job.galleryId(), job.imageId(), job.generation())
                                + variant.spec().size().name().toLowerCase(Locale.ROOT) + "-"
                                + sha256(variant.bytes()).substring(0, 16) + "."
                                + variant.encoding().extension()))
                .toList();
        try {
            Flux.range(0, variants.size())
                    .flatMap(i -> store.writeVariant(
                            stored.get(i).objectKey(),
                            variants.get(i).bytes(),
                            "image/" + variants.get(i).encoding().extension()))
                    .then()
                    .block(settings.storageTimeout());
        } catch (RuntimeException e) {
            throw new StoreUnavailable("storing the variants failed: " + e.getMessage(), e);
        }
        return stored;
    }

    /** Fault tests: what a native crash while decoding does to the process (no shutdown hook runs). */
    private void haltOnTestMarker(byte[] original) {
        if (testCrashMarker.length > 0 && indexOf(original, testCrashMarker) >= 0) {
            log.error("The original holds the test crash marker: halting the JVM");
            Runtime.getRuntime().halt(134);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The object store could not be read or written: nothing about the image is known to be wrong, so the job goes
     * back to the queue rather than spend one of the image's attempts; an outage of minutes stalls nothing (an
     * outage longer than the attempt deadlines still does, as the saga's deadlines keep counting).
     */
    public static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The event store did not take a result: nothing about the image is known to be wrong. */
    public static final class RecordingFailure extends RuntimeException {
        RecordingFailure(Throwable cause) {
            super(cause);
        }
    }
}
