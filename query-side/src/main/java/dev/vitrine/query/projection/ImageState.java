package dev.vitrine.query.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An image as the read model keeps it (one row of {@code image_view}), changed by the fold on a copy. */
final class ImageState {

    final UUID id;
    final UUID galleryId;
    String filename;
    String contentType;
    long size;
    String alt;
    String status;
    Integer width;
    Integer height;
    Double aspectRatio;
    String blurhash;
    List<StoredVariant> variants = List.of();
    List<StoredVariant> pending = List.of();
    int publishedGeneration;
    String problemCode;
    String problemMessage;
    Instant requestedAt;
    Instant uploadedAt;
    Long position;
    boolean deleted;
    long version;
    long lastEventIndex;

    ImageState(UUID id, UUID galleryId) {
        this.id = id;
        this.galleryId = galleryId;
    }

    ImageState copy() {
        ImageState copy = new ImageState(id, galleryId);
        copy.filename = filename;
        copy.contentType = contentType;
        copy.size = size;
        copy.alt = alt;
        copy.status = status;
        copy.width = width;
        copy.height = height;
        copy.aspectRatio = aspectRatio;
        copy.blurhash = blurhash;
        copy.variants = variants;
        copy.pending = pending;
        copy.publishedGeneration = publishedGeneration;
        copy.problemCode = problemCode;
        copy.problemMessage = problemMessage;
        copy.requestedAt = requestedAt;
        copy.uploadedAt = uploadedAt;
        copy.position = position;
        copy.deleted = deleted;
        copy.version = version;
        copy.lastEventIndex = lastEventIndex;
        return copy;
    }

    /** Which run of positions the image lies in (see {@link ImageList#BUCKET_SIZE}). */
    long bucket() {
        return position / ImageList.BUCKET_SIZE;
    }

    void problem(String status, String code, String message) {
        this.status = status;
        this.problemCode = code;
        this.problemMessage = message;
    }
}
