-- How often a worker began to decode a job's file without finishing: written before every decode, deleted when the
-- worker settles the job (done, or given back). A row that outlives its worker is a process that died while it
-- decoded this file; the worker that takes the job up next sees how often, whatever queue holds the jobs. Jobs a
-- dead process only held, unstarted, are not counted: only the file being decoded can have crashed it.
CREATE TABLE processing_start (
    job_id          UUID PRIMARY KEY,
    image_id        UUID        NOT NULL,
    starts          INT         NOT NULL,
    last_started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
