-- Set-based facts the command side checks inside its own transaction:
-- which images belong to which gallery, and where each upload's original is stored.
-- Written by the subscribing "image-lookup" processor, in the same transaction as the events.
CREATE TABLE image_lookup (
    image_id      UUID PRIMARY KEY,
    gallery_id    UUID        NOT NULL,
    object_key    TEXT        NOT NULL,
    declared_size BIGINT      NOT NULL,
    content_type  TEXT        NOT NULL,
    confirmed     BOOLEAN     NOT NULL DEFAULT FALSE,
    sha256        TEXT,
    deleted       BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE INDEX image_lookup_gallery ON image_lookup (gallery_id) WHERE NOT deleted;
