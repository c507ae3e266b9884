-- Abuse limits as token buckets (Bucket4j's PostgreSQL store, select-for-update), shared by every node. A bucket
-- left alone until it is full again expires (expires_at, epoch ms) and is deleted by a periodic sweep: made-up
-- keys (addresses, usernames) leave nothing behind for good.
CREATE TABLE rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);
