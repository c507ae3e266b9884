-- Who owns each gallery and whether it is deleted: what an image command checks about its gallery, without
-- loading the Gallery aggregate (and so without waiting for its lock). Written by the subscribing
-- "command-lookups" processor, in the same transaction as the Gallery's events.
CREATE TABLE gallery_lookup (
    gallery_id UUID PRIMARY KEY,
    owner_id   UUID    NOT NULL,
    deleted    BOOLEAN NOT NULL DEFAULT FALSE
);

-- Galleries created before this table existed, from their stored events (under the names events had before
-- the contracts were split by kind, or after).
INSERT INTO gallery_lookup (gallery_id, owner_id, deleted)
SELECT created.aggregateidentifier::uuid,
       (convert_from(created.payload, 'UTF8')::jsonb ->> 'ownerId')::uuid,
       EXISTS (SELECT 1 FROM domainevententry gone
               WHERE gone.aggregateidentifier = created.aggregateidentifier
                 AND gone.payloadtype IN ('dev.vitrine.api.gallery.GalleryDeleted',
                                          'dev.vitrine.api.gallery.event.GalleryDeleted'))
FROM domainevententry created
WHERE created.payloadtype IN ('dev.vitrine.api.gallery.GalleryCreated', 'dev.vitrine.api.gallery.event.GalleryCreated');
