-- Share links as their events left them, written in the very transaction that stores the events (a subscribing
-- processor), so a link works the moment its creation is answered and stops the moment its revocation is.
-- Secrets are kept as their SHA-256 (tokens, grants) or bcrypt (passwords) only.

CREATE TABLE share_link (
    id              UUID PRIMARY KEY,
    gallery_id      UUID        NOT NULL,
    token_hash      TEXT        NOT NULL UNIQUE,
    password_hash   TEXT,                          -- null: the link asks for no password
    label           TEXT,
    expires_at      TIMESTAMPTZ,                   -- null: never
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL,          -- the actorId of the event's metadata
    revoked_at      TIMESTAMPTZ,
    gallery_deleted BOOLEAN     NOT NULL DEFAULT FALSE,
    views           BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX share_link_gallery ON share_link (gallery_id, created_at DESC);

-- What a right password gives a holder of a password link, for a while: a browser keeps it in a cookie, an API
-- client sends it as a Bearer token.
CREATE TABLE share_link_grant (
    grant_hash TEXT PRIMARY KEY,
    link_id    UUID        NOT NULL REFERENCES share_link (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX share_link_grant_expiry ON share_link_grant (expires_at);
