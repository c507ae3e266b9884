-- The processing jobs of an installation without RabbitMQ. A worker claims a job by leasing it (FOR UPDATE SKIP
-- LOCKED, so nodes never take the same one) and renews the lease while it works; a job whose lease ran out (its
-- node died) is claimed again by any node. A job done is deleted.
CREATE TABLE processing_job (
    job_id       UUID PRIMARY KEY,
    phase        TEXT        NOT NULL CHECK (phase IN ('publish', 'complete')),
    job          JSONB       NOT NULL,
    queued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- not handed out before (a job given back waits a little)
    available_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- a worker holds it until then (NULL: nobody)
    leased_until TIMESTAMPTZ,
    -- handed out since it was queued or last given back: every one of them but the current was a worker that died
    -- with it, which is how a file that crashes the process is told from one that does not (counted before decoding)
    deliveries   INT         NOT NULL DEFAULT 0
);

CREATE INDEX processing_job_queue ON processing_job (phase, queued_at);
