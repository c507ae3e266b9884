package dev.vitrine.query.image;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.ImageOrder;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.FindGalleryImages;
import dev.vitrine.api.image.query.FindGalleryTags;
import dev.vitrine.api.image.query.FindImage;
import dev.vitrine.api.image.query.GalleryTags;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.api.paging.PagePagination;
import dev.vitrine.api.sharing.query.FindSharedImages;
import dev.vitrine.query.cache.ReadModelCacheInvalidation;
import dev.vitrine.query.gallery.GalleryRows;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ImageRow;
import dev.vitrine.query.projection.ReadYourWrites;
import dev.vitrine.query.web.ImageCursor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers image questions. An image is seen only through a gallery the viewer can see; its owner sees it in every
 * status (processing, published, rejected, stalled), everyone else once it is published.
 */
@Component
class ImageQueries {

    private final ImageRows images;
    private final GalleryRows galleries;
    private final Variants variants;
    private final ReadYourWrites readYourWrites;
    private final ReadModelCacheInvalidation cache;

    ImageQueries(
            ImageRows images,
            GalleryRows galleries,
            Variants variants,
            ReadYourWrites readYourWrites,
            ReadModelCacheInvalidation cache) {
        this.images = images;
        this.galleries = galleries;
        this.variants = variants;
        this.readYourWrites = readYourWrites;
        this.cache = cache;
    }

    @QueryHandler
    CompletableFuture<ImageView> handle(FindImage query) {
        return galleries
                .find(query.galleryId())
                .filter(gallery -> gallery.visibleTo(query.viewer()))
                .flatMap(gallery -> readYourWrites
                        .load(
                                query.imageId(),
                                query.atLeastVersion(),
                                () -> images.find(query.imageId()),
                                ImageRow::version)
                        .flatMap(image -> query.atLeastVersion() < 0
                                ? Mono.just(image)
                                : cache.written(gallery.id()).thenReturn(image))
                        .filter(image -> image.galleryId().equals(gallery.id())
                                && (image.isPublished()
                                        || (image.isImage() && gallery.showsUnpublishedTo(query.viewer()))))
                        .map(image -> image.view(
                                variants.of(image, gallery, query.origin()), gallery.showsLocationTo(query.viewer()))))
                .toFuture();
    }

    @QueryHandler
    CompletableFuture<ImagePage> handle(FindGalleryImages query) {
        return galleries
                .find(query.galleryId())
                .filter(gallery -> gallery.visibleTo(query.viewer()))
                .flatMap(gallery -> {
                    ImageSelection selection = ImageSelection.of(
                            gallery.showsUnpublishedTo(query.viewer()) ? query.status() : ImageStatus.PUBLISHED,
                            query.tag());
                    return total(gallery, selection)
                            .flatMap(total -> query.after() != null
                                    ? after(gallery, selection, query, total)
                                    : page(gallery, selection, query, total));
                })
                .toFuture();
    }

    /** Tags counted over the list the viewer sees of the gallery (published images, or all for uploaders). */
    @QueryHandler
    CompletableFuture<GalleryTags> handle(FindGalleryTags query) {
        return galleries
                .find(query.galleryId())
                .filter(gallery -> gallery.visibleTo(query.viewer()))
                .flatMap(gallery -> images.tagCounts(
                                gallery.id(),
                                ImageSelection.of(
                                        gallery.showsUnpublishedTo(query.viewer()) ? null : ImageStatus.PUBLISHED))
                        .collectList()
                        .map(tags -> new GalleryTags(gallery.id(), tags)))
                .toFuture();
    }

    /** Through a share link: published images only, whatever the gallery's visibility, by cursor. */
    @QueryHandler
    CompletableFuture<ImagePage> handle(FindSharedImages query) {
        ImageSelection published = ImageSelection.of(ImageStatus.PUBLISHED);
        return galleries
                .find(query.galleryId())
                .filter(gallery -> !gallery.deleted())
                .flatMap(gallery -> {
                    long after = query.after() != null ? query.after() : Long.MAX_VALUE;
                    return images.after(gallery.id(), published, after, query.limit() + 1)
                            .collectList()
                            .map(found -> {
                                boolean hasMore = found.size() > query.limit();
                                List<ImageRow> shown = hasMore ? found.subList(0, query.limit()) : found;
                                return new ImagePage(
                                        shown.stream()
                                                .map(image -> image.view(
                                                        variants.under(query.mediaBase(), image),
                                                        // a link holder is nobody in particular
                                                        gallery.showsLocationTo(Actor.anonymous())))
                                                .toList(),
                                        new PagePagination(
                                                null,
                                                query.limit(),
                                                gallery.imageCount(published.list()),
                                                hasMore,
                                                hasMore ? cursor(ImageOrder.UPLOADED, shown) : null));
                            });
                })
                .toFuture();
    }

    private Mono<ImagePage> page(GalleryRow gallery, ImageSelection selection, FindGalleryImages query, long total) {
        long offset = (long) (query.page() - 1) * query.limit();
        return (query.order() == ImageOrder.TAKEN
                        ? images.pageByTaken(gallery.id(), selection, offset, query.limit())
                        : images.page(gallery.id(), selection, offset, query.limit()))
                .collectList()
                .map(found -> {
                    boolean hasMore = offset + found.size() < total;
                    return new ImagePage(
                            views(found, gallery, query),
                            new PagePagination(
                                    query.page(),
                                    query.limit(),
                                    total,
                                    hasMore,
                                    hasMore ? cursor(query.order(), found) : null));
                });
    }

    /** One more than asked tells whether more follow, whatever the counters say meanwhile. */
    private Mono<ImagePage> after(GalleryRow gallery, ImageSelection selection, FindGalleryImages query, long total) {
        return (query.order() == ImageOrder.TAKEN
                        ? images.afterByTaken(gallery.id(), selection, query.after(), query.limit() + 1)
                        : images.after(gallery.id(), selection, query.after().position(), query.limit() + 1))
                .collectList()
                .map(found -> {
                    boolean hasMore = found.size() > query.limit();
                    List<ImageRow> shown = hasMore ? found.subList(0, query.limit()) : found;
                    return new ImagePage(
                            views(shown, gallery, query),
                            new PagePagination(
                                    null,
                                    query.limit(),
                                    total,
                                    hasMore,
                                    hasMore ? cursor(query.order(), shown) : null));
                });
    }

    private List<ImageView> views(List<ImageRow> rows, GalleryRow gallery, FindGalleryImages query) {
        boolean showLocation = gallery.showsLocationTo(query.viewer());
        return rows.stream()
                .map(image -> image.view(variants.of(image, gallery, query.origin()), showLocation))
                .toList();
    }

    private static String cursor(ImageOrder order, List<ImageRow> shown) {
        if (shown.isEmpty()) {
            return null;
        }
        ImageRow last = shown.getLast();
        return ImageCursor.format(order, last.takenAt(), last.position());
    }

    /** The gallery row counts what most lists show; a list of one other status is counted. */
    private Mono<Long> total(GalleryRow gallery, ImageSelection selection) {
        if (!selection.counted()) {
            return images.count(gallery.id(), selection);
        }
        return Mono.just((long) gallery.imageCount(selection.list()));
    }
}
