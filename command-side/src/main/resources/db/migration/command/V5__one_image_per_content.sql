-- Two confirmations of the same bytes into one gallery, racing on two transactions, cannot both succeed.
CREATE UNIQUE INDEX image_lookup_unique_content ON image_lookup (gallery_id, sha256)
    WHERE confirmed AND NOT deleted;
