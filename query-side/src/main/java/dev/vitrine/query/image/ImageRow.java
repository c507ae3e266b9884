package dev.vitrine.query.image;

import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageProblem;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.api.image.query.ImageView;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One row of {@code image_view}. Status "requested" is an upload not yet confirmed and "expired" one never
 * confirmed: neither is an image anyone sees.
 */
record ImageRow(
        UUID id,
        UUID galleryId,
        String filename,
        String alt,
        String status,
        Integer width,
        Integer height,
        Double aspectRatio,
        String blurhash,
        String variantsJson,
        Instant uploadedAt,
        String problemCode,
        String problemMessage,
        Long position,
        boolean deleted,
        long version) {

    private static final Set<String> NOT_AN_IMAGE = Set.of("requested", "expired");

    static final String COLUMNS = """
            id, gallery_id, filename, alt, status, width, height, aspect_ratio, blurhash, variants::text AS variants,
            uploaded_at, problem_code, problem_message, position, deleted, version""";

    static ImageRow read(Readable row) {
        return new ImageRow(
                row.get("id", UUID.class),
                row.get("gallery_id", UUID.class),
                row.get("filename", String.class),
                row.get("alt", String.class),
                row.get("status", String.class),
                row.get("width", Integer.class),
                row.get("height", Integer.class),
                row.get("aspect_ratio", Double.class),
                row.get("blurhash", String.class),
                row.get("variants", String.class),
                row.get("uploaded_at", Instant.class),
                row.get("problem_code", String.class),
                row.get("problem_message", String.class),
                row.get("position", Long.class),
                row.get("deleted", Boolean.class),
                row.get("version", Long.class));
    }

    boolean isImage() {
        return !deleted && !NOT_AN_IMAGE.contains(status);
    }

    boolean isPublished() {
        return !deleted && ImageStatus.PUBLISHED.wireName().equals(status);
    }

    ImageView view(List<ImageVariant> variants) {
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
                variants,
                uploadedAt,
                ImageStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                problem,
                version);
    }
}
