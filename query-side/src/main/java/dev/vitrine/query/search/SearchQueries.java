package dev.vitrine.query.search;

import dev.vitrine.api.search.query.FindMatches;
import dev.vitrine.api.search.query.ImageMatch;
import dev.vitrine.api.search.query.SearchResults;
import dev.vitrine.query.image.Variants;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ImageRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers searches. A caller finds what is public and what is theirs or shared with them (unlisted galleries are
 * for those holding their address, so they are not found); of images, only published ones, each shown as its
 * gallery shows it to the caller (variants, and where it was taken only to those who may see that).
 */
@Component
class SearchQueries {

    /** The galleries a first page names: a search is mostly for photos; a gallery's own page lists the rest. */
    static final int GALLERIES = 10;

    private final SearchRows rows;
    private final Variants variants;

    SearchQueries(SearchRows rows, Variants variants) {
        this.rows = rows;
        this.variants = variants;
    }

    @QueryHandler
    CompletableFuture<SearchResults> handle(FindMatches query) {
        Mono<List<GalleryRow>> galleries = query.after() == null
                ? rows.galleries(query.words(), query.viewer(), GALLERIES).collectList()
                : Mono.just(List.of());
        // one more than asked tells whether more follow
        Mono<List<SearchRows.Match>> matches = rows.images(
                        query.words(), query.viewer(), query.after(), query.limit() + 1)
                .collectList();
        return Mono.zip(galleries, matches)
                .flatMap(found -> {
                    List<SearchRows.Match> all = found.getT2();
                    boolean more = all.size() > query.limit();
                    List<SearchRows.Match> shown = more ? all.subList(0, query.limit()) : all;
                    return images(shown, query)
                            .map(images -> new SearchResults(
                                    query.words(),
                                    found.getT1().stream()
                                            .map(g -> g.view(query.viewer()))
                                            .toList(),
                                    images,
                                    more ? shown.getLast().cursor().format() : null));
                })
                .toFuture();
    }

    private Mono<List<ImageMatch>> images(List<SearchRows.Match> shown, FindMatches query) {
        if (shown.isEmpty()) {
            return Mono.just(List.of());
        }
        List<UUID> ids = shown.stream().map(SearchRows.Match::id).toList();
        List<UUID> galleryIds =
                shown.stream().map(SearchRows.Match::galleryId).distinct().toList();
        return Mono.zip(
                        rows.imageRows(ids).collectMap(ImageRow::id, Function.identity()),
                        rows.galleryRows(galleryIds).collectMap(GalleryRow::id, Function.identity()))
                .map(found -> {
                    Map<UUID, ImageRow> images = found.getT1();
                    Map<UUID, GalleryRow> galleries = found.getT2();
                    // the read model may have moved since the match: show what is still published and findable
                    return shown.stream()
                            .map(match -> {
                                ImageRow image = images.get(match.id());
                                GalleryRow gallery = galleries.get(match.galleryId());
                                if (image == null
                                        || gallery == null
                                        || !image.isPublished()
                                        || !gallery.visibleTo(query.viewer())) {
                                    return null;
                                }
                                return new ImageMatch(
                                        image.view(
                                                variants.of(image, gallery, query.origin()),
                                                gallery.showsLocationTo(query.viewer())),
                                        gallery.name());
                            })
                            .filter(Objects::nonNull)
                            .collect(Collectors.toList());
                });
    }
}
