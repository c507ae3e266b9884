-- The state of the last (or current) rebuild of the read model: one row, readable from any node while the
-- rebuild runs on the node that was asked for it.
CREATE TABLE read_model_rebuild (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    state             TEXT        NOT NULL,  -- replaying, comparing, swapping, finished, failed
    swap              BOOLEAN     NOT NULL,  -- false: a verification, the live read model is not replaced
    node              TEXT        NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    events_total      BIGINT      NOT NULL DEFAULT 0,
    events_done       BIGINT      NOT NULL DEFAULT 0,
    events_per_second DOUBLE PRECISION,
    eta_seconds       BIGINT,
    compared_rows     BIGINT,
    difference_count  BIGINT,
    differences       JSONB,
    message           TEXT
);
