package dev.vitrine.query.projection;

import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageProblem;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.api.image.query.ImageView;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code image_view}: an upload from its request on, as the read model keeps it. The fold changes it on
 * a copy; the read side reads it. {@link #TABLE} is where each column is said.
 */
public final class ImageRow {

    UUID id;
    UUID galleryId;
    String filename;
    /** As declared when the upload was requested. */
    String contentType;
    /** Bytes: as declared, then as stored once confirmed. */
    long size;

    String alt;
    ImageStatus status;
    Integer width;
    Integer height;
    Double aspectRatio;
    String blurhash;
    /** How and when the photo was taken, as its file says; null when it says nothing (or before analysis). */
    Capture capture;
    /** {@link Capture#takenInstant()}: the order of "sort by taken", kept in a column of its own to be indexed. */
    Instant takenAt;
    /** What the photo looks like, to find its near-duplicates; null before analysis (or analysed before v32). */
    Fingerprint fingerprint;
    /** Lower-cased, each once, in the order given ({@code ImageTags}); empty: none. */
    List<String> tags = List.of();
    /** The variants shown: those of the published generation. */
    List<StoredVariant> variants = List.of();
    /** Variants of a newer generation, shown once it is published. */
    List<StoredVariant> pending = List.of();

    int publishedGeneration;
    String problemCode;
    String problemMessage;
    Instant requestedAt;
    /** When the upload was confirmed. */
    Instant uploadedAt;
    /** The image's place in its gallery (newest highest), given at confirmation; null before. */
    Long position;

    boolean deleted;
    /** Sequence number of the image's last event reflected here. */
    long version;
    /** Global index of the image's last event reflected here. */
    long lastEventIndex;

    static final RowTable<ImageRow> TABLE = new RowTable<>(
            ImageRow::new,
            List.of(
                    Column.of("id", ColumnType.UUID_TYPE, r -> r.id, (r, v) -> r.id = v),
                    Column.of("gallery_id", ColumnType.UUID_TYPE, r -> r.galleryId, (r, v) -> r.galleryId = v),
                    Column.of("filename", ColumnType.TEXT, r -> r.filename, (r, v) -> r.filename = v),
                    Column.of("content_type", ColumnType.TEXT, r -> r.contentType, (r, v) -> r.contentType = v),
                    Column.of("size", ColumnType.BIGINT, r -> r.size, (r, v) -> r.size = v),
                    Column.of("alt", ColumnType.TEXT, r -> r.alt, (r, v) -> r.alt = v),
                    Column.of(
                            "status",
                            ColumnType.wireName(ImageStatus::wireName, ImageStatus::fromWireName),
                            r -> r.status,
                            (r, v) -> r.status = v),
                    Column.of("width", ColumnType.INTEGER, r -> r.width, (r, v) -> r.width = v),
                    Column.of("height", ColumnType.INTEGER, r -> r.height, (r, v) -> r.height = v),
                    Column.of("aspect_ratio", ColumnType.DOUBLE, r -> r.aspectRatio, (r, v) -> r.aspectRatio = v),
                    Column.of("blurhash", ColumnType.TEXT, r -> r.blurhash, (r, v) -> r.blurhash = v),
                    Column.of("capture", ColumnType.CAPTURE, r -> r.capture, (r, v) -> r.capture = v),
                    Column.of("taken_at", ColumnType.TIMESTAMP, r -> r.takenAt, (r, v) -> r.takenAt = v),
                    Column.of("tags", ColumnType.TAGS, r -> r.tags, (r, v) -> r.tags = v),
                    Column.of("fingerprint", ColumnType.FINGERPRINT, r -> r.fingerprint, (r, v) -> r.fingerprint = v),
                    Column.of("variants", ColumnType.VARIANTS, r -> r.variants, (r, v) -> r.variants = v),
                    Column.of("pending", ColumnType.VARIANTS, r -> r.pending, (r, v) -> r.pending = v),
                    Column.of(
                            "published_generation",
                            ColumnType.INTEGER,
                            r -> r.publishedGeneration,
                            (r, v) -> r.publishedGeneration = v),
                    Column.of("problem_code", ColumnType.TEXT, r -> r.problemCode, (r, v) -> r.problemCode = v),
                    Column.of(
                            "problem_message", ColumnType.TEXT, r -> r.problemMessage, (r, v) -> r.problemMessage = v),
                    Column.of("requested_at", ColumnType.TIMESTAMP, r -> r.requestedAt, (r, v) -> r.requestedAt = v),
                    Column.of("uploaded_at", ColumnType.TIMESTAMP, r -> r.uploadedAt, (r, v) -> r.uploadedAt = v),
                    Column.of("position", ColumnType.BIGINT, r -> r.position, (r, v) -> r.position = v),
                    Column.of("deleted", ColumnType.BOOLEAN, r -> r.deleted, (r, v) -> r.deleted = v),
                    Column.of("version", ColumnType.BIGINT, r -> r.version, (r, v) -> r.version = v),
                    Column.of(
                            "last_event_index",
                            ColumnType.BIGINT,
                            r -> r.lastEventIndex,
                            (r, v) -> r.lastEventIndex = v)));

    private ImageRow() {}

    /** Every column, as the read side selects them. */
    public static String selectList() {
        return TABLE.selectList();
    }

    /** A row as the read side fetched it. */
    public static ImageRow read(Readable row) {
        return TABLE.read(row);
    }

    ImageRow(UUID id, UUID galleryId) {
        this.id = id;
        this.galleryId = galleryId;
    }

    ImageRow copy() {
        return TABLE.copy(this);
    }

    /** Which run of positions the image lies in (see {@link ImageList#BUCKET_SIZE}). */
    long bucket() {
        return position / ImageList.BUCKET_SIZE;
    }

    void problem(ImageStatus status, String code, String message) {
        this.status = status;
        this.problemCode = code;
        this.problemMessage = message;
    }

    public UUID id() {
        return id;
    }

    public UUID galleryId() {
        return galleryId;
    }

    public Long position() {
        return position;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public long version() {
        return version;
    }

    public List<StoredVariant> variants() {
        return variants;
    }

    /** A confirmed upload, not deleted: something its gallery's owner sees. */
    public boolean isImage() {
        return !deleted && status.isOfAnImage();
    }

    public boolean isPublished() {
        return !deleted && status == ImageStatus.PUBLISHED;
    }

    /**
     * The image as the API shows it, with its variants as the viewer reaches them, and where it was taken only if
     * {@code showLocation} (the gallery decides: {@link GalleryRow#showsLocationTo}).
     */
    public ImageView view(List<ImageVariant> shownVariants, boolean showLocation) {
        ImageProblem problem = problemCode == null ? null : new ImageProblem(problemCode, problemMessage);
        return new ImageView(
                id,
                galleryId,
                filename,
                alt,
                width,
                height,
                aspectRatio,
                blurhash,
                capture == null || showLocation ? capture : capture.withoutLocation(),
                tags,
                shownVariants,
                uploadedAt,
                status,
                problem,
                version);
    }
}
