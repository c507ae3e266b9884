package dev.vitrine.query.projection;

import java.util.UUID;

/** One run of positions of one list of one gallery (a row of {@code image_bucket}). */
record BucketKey(UUID galleryId, ImageList list, long bucket) {}
