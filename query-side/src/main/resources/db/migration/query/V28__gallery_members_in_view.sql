-- Who a gallery is shared with, as part of its row: whether someone sees a private gallery is decided from the row
-- alone, and a change of members changes the row (and so drops its cached answers) like any change of the gallery.
-- A JSON array of {userId, username, role}; no gallery had members before.
ALTER TABLE gallery_view ADD COLUMN members JSONB NOT NULL DEFAULT '[]';

-- "Galleries shared with me": containment of {"userId": ...}.
CREATE INDEX gallery_view_members ON gallery_view USING GIN (members jsonb_path_ops);
