package dev.vitrine.app.seed;

import dev.vitrine.api.gallery.Visibility;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** What a seeding made: its galleries (largest first), and how long it took. */
public record SeedResult(List<SeededGallery> galleries, int images, long events, Duration took, String ownerPassword) {

    public record SeededGallery(UUID id, UUID ownerId, String ownerUsername, Visibility visibility, int images) {}

    public SeededGallery largest() {
        return galleries.stream()
                .max(Comparator.comparingInt(SeededGallery::images))
                .orElseThrow();
    }
}
