-- What an image looks like in 64 bits (ImageAnalyzed revision 4; dev.vitrine.api.image.Fingerprint): a pHash, kept
-- as a signed BIGINT. Null for images analysed before fingerprints were taken, until they are reprocessed.
ALTER TABLE image_view ADD COLUMN fingerprint BIGINT;

-- A gallery's near-duplicates are found among its fingerprinted images, read in one pass from this index.
CREATE INDEX image_view_fingerprints ON image_view (gallery_id) INCLUDE (fingerprint)
    WHERE fingerprint IS NOT NULL AND NOT deleted;
