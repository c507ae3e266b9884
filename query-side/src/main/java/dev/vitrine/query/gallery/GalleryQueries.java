package dev.vitrine.query.gallery;

import dev.vitrine.api.gallery.query.FindGalleries;
import dev.vitrine.api.gallery.query.FindGallery;
import dev.vitrine.api.gallery.query.FindGalleryMembers;
import dev.vitrine.api.gallery.query.FindMemberships;
import dev.vitrine.api.gallery.query.GalleryMember;
import dev.vitrine.api.gallery.query.GalleryMembers;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.gallery.query.Membership;
import dev.vitrine.api.gallery.query.Memberships;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.paging.CursorPagination;
import dev.vitrine.api.sharing.query.FindSharedGallery;
import dev.vitrine.query.cache.ReadModelCacheInvalidation;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ReadYourWrites;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers gallery questions from {@code gallery_view}; a gallery the viewer may not see is answered with nothing.
 * A question asked right after a write (at least some version) also drops the gallery's cached answers once the
 * write is visible: whichever node projected it, no cached answer from before it is served after.
 */
@Component
class GalleryQueries {

    private final GalleryRows rows;
    private final ReadYourWrites readYourWrites;
    private final ReadModelCacheInvalidation cache;

    GalleryQueries(GalleryRows rows, ReadYourWrites readYourWrites, ReadModelCacheInvalidation cache) {
        this.rows = rows;
        this.readYourWrites = readYourWrites;
        this.cache = cache;
    }

    @QueryHandler
    CompletableFuture<GalleryView> handle(FindGallery query) {
        return readYourWrites
                .load(
                        query.galleryId(),
                        query.atLeastVersion(),
                        () -> rows.find(query.galleryId()),
                        GalleryRow::version)
                .flatMap(row -> query.atLeastVersion() < 0
                        ? Mono.just(row)
                        : cache.written(row.id()).thenReturn(row))
                .filter(row -> row.visibleTo(query.viewer()))
                .map(row -> row.view(query.viewer()))
                .toFuture();
    }

    /** Through a share link, which was checked before: whatever the gallery's visibility, until it is deleted. */
    @QueryHandler
    CompletableFuture<GalleryView> handle(FindSharedGallery query) {
        return rows.find(query.galleryId())
                .filter(row -> !row.deleted())
                .map(row -> row.view(Actor.anonymous()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<GalleryPage> handle(FindGalleries query) {
        return rows.listVisible(query.viewer(), query.scope(), query.after(), query.limit() + 1)
                .collectList()
                .map(found -> page(found, query.viewer(), query.limit()))
                .toFuture();
    }

    /** Members are shown to the owner and to the members themselves; to nobody else. */
    @QueryHandler
    CompletableFuture<GalleryMembers> handle(FindGalleryMembers query) {
        return rows.find(query.galleryId())
                .filter(row -> row.visibleTo(query.viewer()) && row.roleOf(query.viewer()) != null)
                .map(row -> new GalleryMembers(
                        row.id(),
                        row.ownerId(),
                        row.members().stream()
                                .map(m -> new GalleryMember(m.userId(), m.username(), m.role()))
                                .toList()))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<Memberships> handle(FindMemberships query) {
        return rows.sharedWith(query.memberId())
                .map(row ->
                        new Membership(row.id(), row.name(), row.ownerId(), row.roleOf(Actor.user(query.memberId()))))
                .collectList()
                .map(Memberships::new)
                .toFuture();
    }

    private static GalleryPage page(List<GalleryRow> found, Actor viewer, int limit) {
        boolean hasMore = found.size() > limit;
        List<GalleryView> galleries =
                found.stream().limit(limit).map(row -> row.view(viewer)).toList();
        String cursor = hasMore
                ? new Cursor(
                                galleries.getLast().createdAt(),
                                galleries.getLast().id())
                        .format()
                : null;
        return new GalleryPage(galleries, new CursorPagination(cursor, hasMore));
    }
}
