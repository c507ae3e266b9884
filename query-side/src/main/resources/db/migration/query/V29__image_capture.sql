-- How and when each photo was taken, as its file says (ImageAnalyzed revision 3): a JSON object of Capture, NULL
-- when the file said nothing or was analysed before Vitrine read it; taken_at is its instant, the order of
-- ?sort=taken (photos without one last).
ALTER TABLE image_view ADD COLUMN capture JSONB;
ALTER TABLE image_view ADD COLUMN taken_at TIMESTAMPTZ;

-- ?sort=taken, newest first with the photos without a date after the others; ties by position.
CREATE INDEX image_view_by_taken ON image_view (gallery_id, taken_at DESC NULLS LAST, position DESC);
