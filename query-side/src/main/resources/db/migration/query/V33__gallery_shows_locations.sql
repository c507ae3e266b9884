-- Whether everyone who sees the gallery sees where its photos were taken (GalleryLocationsShown / ...Hidden); by
-- default only its owner and editors do (GalleryRow.showsLocationTo).
ALTER TABLE gallery_view ADD COLUMN shows_locations BOOLEAN NOT NULL DEFAULT FALSE;
