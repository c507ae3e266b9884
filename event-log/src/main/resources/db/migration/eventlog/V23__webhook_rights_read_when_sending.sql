-- What a webhook's owner may see is read from the account each time an event is matched to the endpoint and again
-- when it is sent (AccountRights), no longer copied at registration: a revoked role or a deleted account counts
-- at once. The copy goes so that nothing can read it by mistake.
ALTER TABLE webhook DROP COLUMN privileged;
