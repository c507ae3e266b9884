-- Who receives an entry of the integration log is decided when it is logged (restricted: its gallery was not
-- public, or it is of an image not yet published) and again whenever it is read: an entry of a gallery that is
-- no longer public (private, unlisted or deleted) reaches only the gallery's owner, administrators and auditors,
-- unless it is the news of that change. Entries are never removed: auditors read them all.

-- is_public: whether everyone may see the gallery now (GalleryAudience.isPublic, as the log writer last stored it):
-- the readers' one question about a gallery.
ALTER TABLE event_log_gallery ADD COLUMN is_public BOOLEAN NOT NULL DEFAULT false;
UPDATE event_log_gallery SET is_public = (visibility = 'public' AND NOT deleted);

-- announcement: the entry tells that its gallery became or stopped being public, or that a public gallery was
-- deleted: news for everyone for good (a CDN must purge what the gallery showed), whoever may see the gallery later.
ALTER TABLE event_log ADD COLUMN announcement BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE event_log ADD CONSTRAINT event_log_announcement_is_public CHECK (NOT (announcement AND restricted));

UPDATE event_log SET announcement = true
WHERE NOT restricted
  AND public_type IN ('dev.vitrine.gallery.visibility-changed.v1', 'dev.vitrine.gallery.deleted.v1');

-- The images published so far, as the log saw them: from its publication on, an image's events reach whoever may
-- see its gallery; before it (the upload with its file name, a rejection, the variants made for the publication)
-- only the gallery's owner, administrators and auditors.
CREATE TABLE event_log_published_image (
    image_id UUID PRIMARY KEY
);

INSERT INTO event_log_published_image (image_id)
SELECT DISTINCT (data ->> 'imageId')::uuid FROM event_log WHERE public_type = 'dev.vitrine.image.published.v1';

-- What was logged for everyone before this rule, of images not published at that point, is now their owners'.
-- Narrowing an entry's audience is safe at any time; widening one never is (a reader past it would not see it).
WITH publication AS (
    SELECT data ->> 'imageId' AS image_id, min(position) AS position
    FROM event_log WHERE public_type = 'dev.vitrine.image.published.v1'
    GROUP BY data ->> 'imageId'
)
UPDATE event_log entry SET restricted = true
WHERE NOT entry.restricted
  AND entry.data ? 'imageId'
  AND NOT EXISTS (SELECT 1 FROM publication p
                  WHERE p.image_id = entry.data ->> 'imageId' AND p.position <= entry.position);
