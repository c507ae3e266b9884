-- An image's tags (ImageTagsChanged): a JSON array of lower-cased strings, each once; [] when it has none.
ALTER TABLE image_view ADD COLUMN tags JSONB NOT NULL DEFAULT '[]';

-- ?tag= filters by containment: tags @> '["sea"]'.
CREATE INDEX image_view_tags ON image_view USING GIN (tags jsonb_path_ops);
