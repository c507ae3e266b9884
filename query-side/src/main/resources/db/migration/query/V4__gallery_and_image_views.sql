-- Read models behind the GET routes, written by the "read-model" processor (R2DBC, at-least-once).
-- Every row keeps the sequence number of its aggregate's last applied event in "version": an event is applied
-- only when it is newer, which makes redelivery harmless and lets a reader wait for its own write.

CREATE TABLE gallery_view (
    id              UUID PRIMARY KEY,
    owner_id        UUID        NOT NULL,
    name            TEXT        NOT NULL,
    description     TEXT,
    visibility      TEXT        NOT NULL,
    cover_image_id  UUID,
    image_count     INTEGER     NOT NULL DEFAULT 0,  -- published images: what everyone sees
    confirmed_count INTEGER     NOT NULL DEFAULT 0,  -- processing, published and rejected: what the owner sees
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    deleted         BOOLEAN     NOT NULL DEFAULT FALSE,
    version         BIGINT      NOT NULL
);

CREATE INDEX gallery_view_public_newest ON gallery_view (created_at DESC, id DESC)
    WHERE visibility = 'public' AND NOT deleted;
CREATE INDEX gallery_view_owner_newest ON gallery_view (owner_id, created_at DESC, id DESC)
    WHERE NOT deleted;

CREATE TABLE image_view (
    id           UUID PRIMARY KEY,
    gallery_id   UUID             NOT NULL,
    filename     TEXT             NOT NULL,
    content_type TEXT             NOT NULL,
    size         BIGINT           NOT NULL,
    alt          TEXT,
    status       TEXT             NOT NULL,  -- requested, processing, published, rejected
    width        INTEGER,
    height       INTEGER,
    aspect_ratio DOUBLE PRECISION,
    blurhash     TEXT,
    variants     JSONB            NOT NULL DEFAULT '[]'::jsonb,
    requested_at TIMESTAMPTZ      NOT NULL,
    uploaded_at  TIMESTAMPTZ,                -- when the upload was confirmed
    deleted      BOOLEAN          NOT NULL DEFAULT FALSE,
    version      BIGINT           NOT NULL
);

CREATE INDEX image_view_published_newest ON image_view (gallery_id, uploaded_at DESC, id DESC)
    WHERE status = 'published' AND NOT deleted;
CREATE INDEX image_view_confirmed_newest ON image_view (gallery_id, uploaded_at DESC, id DESC)
    WHERE status <> 'requested' AND NOT deleted;
