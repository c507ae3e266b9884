-- The read model at scale.
--  * position: each image's place in its gallery, given when its upload is confirmed (1, 2, 3, … in the order
--    the event log holds the confirmations). Lists are newest first = position descending; a cursor is a position.
--  * image_bucket: how many images of each list ("seen": what the owner sees, "published": what everyone sees)
--    lie in each run of 1024 positions, so that page 500 is found without skipping 25,000 rows.
--  * last_event_index: the event log's global index of the last event that changed a row, which lets a rebuilt
--    read model be compared with the live one while both move.
ALTER TABLE gallery_view
    ADD COLUMN next_position    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN last_event_index BIGINT NOT NULL DEFAULT 0;

ALTER TABLE image_view
    ADD COLUMN position         BIGINT,
    ADD COLUMN last_event_index BIGINT NOT NULL DEFAULT 0;

UPDATE image_view SET position = numbered.position
FROM (SELECT id, row_number() OVER (PARTITION BY gallery_id ORDER BY uploaded_at, id) AS position
      FROM image_view WHERE uploaded_at IS NOT NULL) AS numbered
WHERE image_view.id = numbered.id;

UPDATE gallery_view SET next_position = counted.last
FROM (SELECT gallery_id, max(position) AS last FROM image_view GROUP BY gallery_id) AS counted
WHERE gallery_view.id = counted.gallery_id AND counted.last IS NOT NULL;

CREATE TABLE image_bucket (
    gallery_id UUID    NOT NULL,
    list       TEXT    NOT NULL,  -- seen, published
    bucket     BIGINT  NOT NULL,  -- position / 1024
    images     INTEGER NOT NULL,
    PRIMARY KEY (gallery_id, list, bucket)
);

INSERT INTO image_bucket (gallery_id, list, bucket, images)
SELECT gallery_id, 'seen', position / 1024, count(*) FROM image_view
WHERE NOT deleted AND status IN ('processing', 'published', 'rejected', 'stalled')
GROUP BY gallery_id, position / 1024;

INSERT INTO image_bucket (gallery_id, list, bucket, images)
SELECT gallery_id, 'published', position / 1024, count(*) FROM image_view
WHERE NOT deleted AND status = 'published'
GROUP BY gallery_id, position / 1024;

DROP INDEX image_view_published_newest;
DROP INDEX image_view_confirmed_newest;
DROP INDEX image_view_by_status;

CREATE INDEX image_view_seen_by_position ON image_view (gallery_id, position DESC)
    WHERE status IN ('processing', 'published', 'rejected', 'stalled') AND NOT deleted;
CREATE INDEX image_view_published_by_position ON image_view (gallery_id, position DESC)
    WHERE status = 'published' AND NOT deleted;
CREATE INDEX image_view_status_by_position ON image_view (gallery_id, status, position DESC) WHERE NOT deleted;
