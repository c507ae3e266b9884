-- Processing: the variants shown are those of the published generation; a generation still being processed keeps
-- its variants aside ("pending") until it is published in its turn. Each variant is a JSON object
-- {size, format, width, height, bytes, objectKey, generation}.
ALTER TABLE image_view
    ADD COLUMN published_generation INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN pending JSONB NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN problem_code TEXT,
    ADD COLUMN problem_message TEXT;

CREATE INDEX image_view_by_status ON image_view (gallery_id, status, uploaded_at DESC, id DESC) WHERE NOT deleted;
