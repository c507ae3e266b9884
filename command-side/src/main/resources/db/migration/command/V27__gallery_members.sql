-- Who, besides its owner, may act in each gallery and with which role: what an image or share-link command asks
-- about the actor, without loading the Gallery aggregate. Written by the subscribing "command-lookups" processor,
-- in the same transaction as the Gallery's events. No gallery had members before this table.
CREATE TABLE gallery_member (
    gallery_id UUID NOT NULL REFERENCES gallery_lookup (gallery_id),
    member_id  UUID NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('viewer', 'contributor', 'editor')),
    PRIMARY KEY (gallery_id, member_id)
);
