package dev.vitrine.command.image;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vitrine.api.PlainText;
import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.ImageTags;
import dev.vitrine.api.image.UploadRules;
import dev.vitrine.api.image.command.ChangeImageAlt;
import dev.vitrine.api.image.command.ChangeImageTags;
import dev.vitrine.api.image.command.ConfirmUpload;
import dev.vitrine.api.image.command.DeleteImage;
import dev.vitrine.api.image.command.MarkImageStalled;
import dev.vitrine.api.image.command.RecordProcessingFailure;
import dev.vitrine.api.image.command.RecordProcessingResult;
import dev.vitrine.api.image.command.RejectImage;
import dev.vitrine.api.image.command.ReprocessImage;
import dev.vitrine.api.image.command.RequestUpload;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.command.gallery.GalleryAccess;
import dev.vitrine.command.gallery.GalleryImages;
import dev.vitrine.command.gallery.GalleryManagement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An image, born when its upload is requested. The upload must be confirmed before it expires, with exactly the
 * declared number of bytes and bytes no other image of the gallery has; otherwise it expires. Confirmed, it is
 * processed generation by generation: published once analysed with every WebP variant, rejected if the file is no
 * acceptable image, stalled if processing keeps failing. People act on it only through a live gallery, as its
 * {@link GalleryManagement} allows (a contributor only on the images they uploaded); the worker's results are accepted once per generation and ignored when stale.
 */
@Aggregate
public class Image {

    static final String UPLOAD_EXPIRY = "upload-expiry";

    @AggregateIdentifier
    private UUID id;

    private UUID galleryId;
    private UUID uploaderId;
    private String objectKey;
    private String contentType;
    private long declaredSize;
    private Instant expiresAt;
    private String sha256;
    private ImageStatus status;
    private boolean deleted;
    private String alt;
    private List<String> tags = List.of();
    private Processing processing;
    private int publishedGeneration;

    /** The upload-expiry deadline's payload. */
    record UploadExpiryDue(UUID imageId) {}

    protected Image() {
        // for event sourcing
    }

    @CommandHandler
    public Image(RequestUpload command, GalleryAccess galleries, DeadlineManager deadlines) {
        GalleryManagement gallery = galleries.of(command.galleryId(), command.by());
        gallery.requireUploadBy(command.by());
        if (!UploadRules.isAcceptedContentType(command.contentType())) {
            throw RejectedException.invalid("contentType", "is not an accepted image type");
        }
        if (command.size() <= 0 || command.size() > UploadRules.MAX_BYTES) {
            throw RejectedException.invalid("size", "must be 1 byte to 50 MB");
        }
        apply(new UploadRequested(
                command.imageId(),
                command.galleryId(),
                gallery.ownerId(),
                command.by().userId(),
                command.filename(),
                command.contentType(),
                command.size(),
                command.objectKey(),
                command.expiresAt()));
        deadlines.schedule(command.expiresAt(), UPLOAD_EXPIRY, new UploadExpiryDue(command.imageId()));
    }

    @CommandHandler
    public long handle(ConfirmUpload command, GalleryAccess galleries, GalleryImages images) {
        requireNotDeleted();
        // finishing an upload is changing the image: its uploader's, or an editor's
        galleries.of(galleryId, command.by()).requireImageChangeableBy(command.by(), uploaderId);
        if (status.isOfAnImage()) {
            if (Objects.equals(command.sha256(), sha256)) {
                return AggregateLifecycle.getVersion(); // a retried confirmation: nothing new
            }
            throw RejectedException.of(ErrorCode.UPLOAD_ALREADY_CONFIRMED, "upload " + id + " is already confirmed");
        }
        if (status == ImageStatus.EXPIRED || command.confirmedAt().isAfter(expiresAt)) {
            throw RejectedException.of(ErrorCode.UPLOAD_EXPIRED, "upload " + id + " expired at " + expiresAt);
        }
        UploadCheck.requireStoredAsDeclared(id, declaredSize, command.storedSize());
        images.duplicateOf(galleryId, command.sha256(), id).ifPresent(existing -> {
            throw new RejectedException(
                    ErrorCode.DUPLICATE_IMAGE,
                    null,
                    "this gallery already has these exact bytes as image " + existing,
                    existing);
        });
        apply(new UploadConfirmed(id, galleryId, objectKey, contentType, command.storedSize(), command.sha256()));
        return AggregateLifecycle.getVersion();
    }

    @DeadlineHandler(deadlineName = UPLOAD_EXPIRY)
    void on(UploadExpiryDue due) {
        if (status == ImageStatus.REQUESTED && !deleted) {
            apply(new UploadExpired(id, galleryId, objectKey));
        }
    }

    @CommandHandler
    public long handle(ChangeImageAlt command, GalleryAccess galleries) {
        requireInGallery(command.galleryId());
        galleries.of(galleryId, command.by()).requireImageChangeableBy(command.by(), uploaderId);
        requireConfirmed();
        String newAlt = command.alt() == null || command.alt().isBlank() ? null : command.alt();
        if (newAlt != null && newAlt.length() > UploadRules.ALT_MAX) {
            throw RejectedException.invalid("alt", "must be at most " + UploadRules.ALT_MAX + " characters");
        }
        if (!PlainText.isLines(newAlt)) {
            throw RejectedException.invalid("alt", PlainText.LINES_MESSAGE);
        }
        if (!Objects.equals(newAlt, alt)) {
            apply(new ImageAltChanged(id, galleryId, newAlt));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Whoever may change the image sets its tags; the same set again (in any order) records nothing. */
    @CommandHandler
    public long handle(ChangeImageTags command, GalleryAccess galleries) {
        requireInGallery(command.galleryId());
        galleries.of(galleryId, command.by()).requireImageChangeableBy(command.by(), uploaderId);
        requireConfirmed();
        List<String> newTags = ImageTags.normalize(command.tags());
        if (!Set.copyOf(newTags).equals(Set.copyOf(tags))) {
            apply(new ImageTagsChanged(
                    id,
                    galleryId,
                    newTags,
                    newTags.stream().filter(tag -> !tags.contains(tag)).toList(),
                    tags.stream().filter(tag -> !newTags.contains(tag)).toList()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeleteImage command, GalleryAccess galleries) {
        requireInGallery(command.galleryId());
        galleries.of(galleryId, command.by()).requireImageChangeableBy(command.by(), uploaderId);
        apply(new ImageDeleted(id, galleryId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ReprocessImage command, GalleryAccess galleries) {
        requireInGallery(command.galleryId());
        galleries.of(galleryId, command.by()).requireImageChangeableBy(command.by(), uploaderId);
        requireConfirmed();
        apply(new ImageReprocessingRequested(
                id, galleryId, processing.generation() + 1, objectKey, contentType, sha256));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Each result is taken once: an analysis or a variant already recorded (a redelivered job) is skipped. The
     * image is published when its WebP set is in, and its processing is complete when every variant is: both are
     * said once, by the result that makes them so.
     */
    @CommandHandler
    public void handle(RecordProcessingResult command) {
        if (!isCurrent(command.generation())) {
            return;
        }
        boolean wasComplete = processing.isComplete();
        var analysis = command.analysis();
        if (analysis != null && !processing.isAnalysed()) {
            apply(new ImageAnalyzed(
                    id,
                    galleryId,
                    command.generation(),
                    analysis.width(),
                    analysis.height(),
                    (double) analysis.width() / analysis.height(),
                    analysis.blurhash(),
                    analysis.contentType(),
                    analysis.capture(),
                    analysis.fingerprint()));
        }
        for (var variant : command.variants()) {
            if (!processing.hasVariant(variant.size(), variant.format())) {
                apply(new VariantGenerated(
                        id,
                        galleryId,
                        command.generation(),
                        variant.size(),
                        variant.format(),
                        variant.width(),
                        variant.height(),
                        variant.bytes(),
                        variant.objectKey()));
            }
        }
        publishIfReady();
        if (!wasComplete && processing.isComplete()) {
            apply(new ImageProcessingCompleted(id, galleryId, command.generation()));
        }
    }

    @CommandHandler
    public void handle(RejectImage command) {
        if (isCurrent(command.generation())) {
            apply(new ImageRejected(id, galleryId, command.generation(), command.code(), command.message()));
        }
    }

    @CommandHandler
    public void handle(RecordProcessingFailure command) {
        if (isCurrent(command.generation())) {
            apply(new ImageProcessingFailed(id, galleryId, command.generation(), command.attempt(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(MarkImageStalled command) {
        if (isCurrent(command.generation()) && status == ImageStatus.PROCESSING) {
            apply(new ImageProcessingStalled(
                    id, galleryId, command.generation(), command.attempts(), command.reason()));
        }
    }

    /** Results of an older generation, or for an image rejected, stalled or deleted meanwhile, change nothing. */
    private boolean isCurrent(int generation) {
        return processing != null
                && processing.generation() == generation
                && !deleted
                && (status == ImageStatus.PROCESSING || status == ImageStatus.PUBLISHED);
    }

    private void publishIfReady() {
        if (processing.readyToPublish() && publishedGeneration < processing.generation()) {
            apply(new ImagePublished(id, galleryId, processing.generation()));
        }
    }

    private void requireInGallery(UUID expectedGallery) {
        requireNotDeleted();
        if (expectedGallery != null && !expectedGallery.equals(galleryId)) {
            throw RejectedException.of(ErrorCode.IMAGE_NOT_FOUND, "no image " + id + " in this gallery");
        }
    }

    private void requireConfirmed() {
        if (!status.isOfAnImage()) {
            throw RejectedException.of(ErrorCode.IMAGE_NOT_FOUND, "no image " + id + " in this gallery");
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw RejectedException.of(ErrorCode.IMAGE_DELETED, "image " + id + " has been deleted");
        }
    }

    @EventSourcingHandler
    void on(UploadRequested event) {
        id = event.imageId();
        galleryId = event.galleryId();
        uploaderId = event.uploaderId();
        objectKey = event.objectKey();
        contentType = event.contentType();
        declaredSize = event.size();
        expiresAt = event.expiresAt();
        status = ImageStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(UploadConfirmed event) {
        sha256 = event.sha256();
        status = ImageStatus.PROCESSING;
        processing = new Processing(1);
    }

    @EventSourcingHandler
    void on(UploadExpired event) {
        status = ImageStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ImageAltChanged event) {
        alt = event.alt();
    }

    @EventSourcingHandler
    void on(ImageTagsChanged event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ImageAnalyzed event) {
        processing.analysed();
    }

    @EventSourcingHandler
    void on(VariantGenerated event) {
        processing.recorded(event.size(), event.format());
    }

    @EventSourcingHandler
    void on(ImagePublished event) {
        publishedGeneration = event.generation();
        status = ImageStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(ImageRejected event) {
        status = ImageStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ImageProcessingStalled event) {
        status = ImageStatus.STALLED;
    }

    @EventSourcingHandler
    void on(ImageReprocessingRequested event) {
        processing = new Processing(event.generation());
        if (status != ImageStatus.PUBLISHED) {
            status = ImageStatus.PROCESSING;
        }
    }

    @EventSourcingHandler
    void on(ImageDeleted event) {
        deleted = true;
    }
}
