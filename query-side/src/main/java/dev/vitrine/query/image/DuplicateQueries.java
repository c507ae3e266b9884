package dev.vitrine.query.image;

import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.NearDuplicates;
import dev.vitrine.api.image.query.FindNearDuplicates;
import dev.vitrine.api.image.query.NearDuplicateGroups;
import dev.vitrine.query.gallery.GalleryRows;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ImageRow;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers near-duplicate reviews: the gallery's fingerprints are read in one pass (id and 64 bits each), grouped by
 * {@link NearDuplicates} off the event loop, and only the grouped images are read whole.
 */
@Component
class DuplicateQueries {

    /** One image's fingerprint. */
    record Fingerprinted(UUID id, Fingerprint fingerprint) {}

    private final ImageRows images;
    private final GalleryRows galleries;
    private final Variants variants;

    DuplicateQueries(ImageRows images, GalleryRows galleries, Variants variants) {
        this.images = images;
        this.galleries = galleries;
        this.variants = variants;
    }

    @QueryHandler
    CompletableFuture<NearDuplicateGroups> handle(FindNearDuplicates query) {
        return galleries
                .find(query.galleryId())
                .filter(gallery -> gallery.visibleTo(query.viewer()))
                .filter(gallery -> {
                    var role = gallery.roleOf(query.viewer());
                    return role != null && role.reviewsDuplicates();
                })
                .flatMap(gallery -> images.fingerprints(gallery.id())
                        .collectList()
                        .publishOn(Schedulers.parallel())
                        .map(all -> NearDuplicates.group(all, Fingerprinted::fingerprint, query.maxDistance()))
                        .flatMap(groups -> views(gallery, groups, query)))
                .toFuture();
    }

    private Mono<NearDuplicateGroups> views(
            GalleryRow gallery, List<List<Fingerprinted>> groups, FindNearDuplicates query) {
        List<UUID> ids =
                groups.stream().flatMap(List::stream).map(Fingerprinted::id).toList();
        boolean showLocation = gallery.showsLocationTo(query.viewer());
        return images.rows(ids)
                .collectMap(ImageRow::id, Function.identity())
                .map(rows -> new NearDuplicateGroups(
                        gallery.id(),
                        query.maxDistance(),
                        groups.stream()
                                .map(group -> group(group, rows, gallery, showLocation, query.origin()))
                                .filter(group -> group.images().size() > 1)
                                .toList()));
    }

    private NearDuplicateGroups.Group group(
            List<Fingerprinted> members,
            Map<UUID, ImageRow> rows,
            GalleryRow gallery,
            boolean showLocation,
            String origin) {
        return new NearDuplicateGroups.Group(members.stream()
                .map(member -> rows.get(member.id()))
                // deleted since the fingerprints were read
                .filter(row -> row != null && row.isImage())
                .map(row -> row.view(variants.of(row, gallery, origin), showLocation))
                .toList());
    }
}
