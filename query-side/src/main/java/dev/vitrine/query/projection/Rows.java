package dev.vitrine.query.projection;

import java.util.UUID;

/** The rows the fold reads and stages for one event; nothing it stages is kept if the event fails. */
interface Rows {

    /** The gallery's row, or null when the read model has never seen the gallery. */
    GalleryRow gallery(UUID id);

    /** The image's row, or null when the read model has never seen the image. */
    ImageRow image(UUID id);

    void put(GalleryRow gallery);

    /** Stages the image; the gallery's counters and position runs follow the lists the image joins or leaves. */
    void put(ImageRow image);
}
