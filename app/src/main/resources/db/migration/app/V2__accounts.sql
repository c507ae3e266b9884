-- Accounts live outside the event store on purpose: a person who leaves can be deleted for real.
CREATE TABLE account (
    id            UUID PRIMARY KEY,
    username      TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL DEFAULT ARRAY['user'],
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Usernames are unique without regard to case: "Alice" and "alice" are one person.
CREATE UNIQUE INDEX account_username ON account (lower(username));
