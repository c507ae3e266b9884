-- Vitrine's integration log: every event of the store, in the order the "event-log" processor (one segment, so
-- one writer at a time in the whole installation) saw them committed. position is what integrators resume from
-- (SSE ids, CloudEvents sequence): it only grows, so a reader that has seen position N has seen everything before.
CREATE TABLE event_log (
    position          BIGSERIAL   PRIMARY KEY,
    global_index      BIGINT      NOT NULL UNIQUE,   -- domainevententry.globalindex
    event_id          TEXT        NOT NULL UNIQUE,
    aggregate_id      TEXT        NOT NULL,
    aggregate_sequence BIGINT     NOT NULL,
    gallery_id        UUID        NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL,
    public_type       TEXT,                          -- its CloudEvents type; null for internal-only events
    subject           TEXT,
    data              JSONB,                         -- the CloudEvents data
    -- restricted: the gallery was private or unlisted when it happened: only its owner, admins and auditors
    -- receive it; owner_id is that owner
    restricted        BOOLEAN     NOT NULL,
    owner_id          UUID
);
CREATE INDEX event_log_by_gallery ON event_log (gallery_id, position);
CREATE INDEX event_log_public ON event_log (position) WHERE public_type IS NOT NULL;

-- Who owns each gallery and who may see it, as of the last logged event: decides each next event's audience.
CREATE TABLE event_log_gallery (
    gallery_id UUID PRIMARY KEY,
    owner_id   UUID NOT NULL,
    visibility TEXT NOT NULL,
    deleted    BOOLEAN NOT NULL DEFAULT false
);

-- How far a feed (the AMQP publisher) has delivered the log: it advances only after the broker confirmed.
CREATE TABLE event_log_feed (
    name     TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);

-- Checkpoints over the whole log: each hash covers the previous checkpoint's hash and the chain hash of every
-- event up to its position, so a deleted or rewritten event anywhere in the log is found.
CREATE TABLE event_log_checkpoint (
    position   BIGINT PRIMARY KEY,
    events     BIGINT NOT NULL,
    hash       TEXT   NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Webhook endpoints, what each receives, and every delivery with its attempts.
CREATE TABLE webhook (
    id           UUID PRIMARY KEY,
    owner_id     UUID        NOT NULL,
    privileged   BOOLEAN     NOT NULL,   -- registered by an admin or auditor: may receive restricted events
    url          TEXT        NOT NULL,
    types        TEXT[]      NOT NULL,   -- empty: every type
    gallery_id   UUID,                   -- null: every gallery the owner may follow
    secret       TEXT        NOT NULL,
    private_network_allowed BOOLEAN NOT NULL DEFAULT false,
    status       TEXT        NOT NULL DEFAULT 'active',  -- active, disabled
    disabled_reason TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_owner ON webhook (owner_id);

CREATE TABLE webhook_delivery (
    id            BIGSERIAL   PRIMARY KEY,
    webhook_id    UUID        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    position      BIGINT      NOT NULL,  -- event_log.position
    gallery_id    UUID        NOT NULL,
    status        TEXT        NOT NULL DEFAULT 'pending',  -- pending, delivered, failed
    attempts      INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    leased_until  TIMESTAMPTZ,
    last_status   INTEGER,
    last_error    TEXT,
    delivered_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (webhook_id, position)
);
-- the next delivery of each (webhook, gallery) is the lowest pending position: order per gallery
CREATE INDEX webhook_delivery_pending ON webhook_delivery (webhook_id, gallery_id, position) WHERE status = 'pending';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempt (
    delivery_id BIGINT      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     INTEGER     NOT NULL,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    status      INTEGER,
    error       TEXT,
    duration_ms INTEGER     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
