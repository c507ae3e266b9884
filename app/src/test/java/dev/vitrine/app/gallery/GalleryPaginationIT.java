package dev.vitrine.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryPage;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Keyset pagination of the gallery list holds still while galleries keep being created. */
@VitrineIntegrationTest
class GalleryPaginationIT {

    @Autowired
    WebTestClient http;

    @Test
    void paging_through_250_galleries_while_new_ones_arrive_returns_each_exactly_once_newest_first() {
        Api api = new Api(http);
        Api.User owner = api.register();
        List<UUID> created = IntStream.range(0, 250)
                .mapToObj(i -> api.createGallery(owner, "Gallery " + i, Visibility.PRIVATE)
                        .id())
                .toList();

        List<GalleryView> seen = new ArrayList<>();
        List<UUID> insertedMeanwhile = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            GalleryPage page = api.galleries(owner, cursor, 17);
            seen.addAll(page.galleries());
            assertThat(page.pagination().hasMore()).isEqualTo(page.pagination().cursor() != null);
            cursor = page.pagination().cursor();
            insertedMeanwhile.add(api.createGallery(owner, "Arrived during page " + pages, Visibility.PRIVATE)
                    .id());
            pages++;
        } while (cursor != null);

        List<UUID> mine = seen.stream()
                .map(GalleryView::id)
                .filter(Set.copyOf(created)::contains)
                .toList();
        assertThat(mine).doesNotHaveDuplicates().hasSize(250);
        assertThat(mine).isEqualTo(created.reversed());
        assertThat(seen).map(GalleryView::id).doesNotHaveDuplicates().doesNotContainAnyElementsOf(insertedMeanwhile);
        assertThat(seen)
                .isSortedAccordingTo(Comparator.comparing(GalleryView::createdAt)
                        .thenComparing(view -> view.id().toString())
                        .reversed());
        assertThat(pages).isGreaterThanOrEqualTo(15);
    }

    @Test
    void a_first_page_shows_galleries_created_since_the_last_visit() {
        Api api = new Api(http);
        Api.User owner = api.register();
        api.createGallery(owner, "Older", Visibility.PRIVATE);
        UUID newest = api.createGallery(owner, "Newest", Visibility.PRIVATE).id();

        GalleryPage first = api.galleries(owner, null, 100);
        assertThat(first.galleries().stream()
                        .filter(g -> g.ownerId().equals(owner.id()))
                        .map(GalleryView::id)
                        .collect(Collectors.toList())
                        .getFirst())
                .isEqualTo(newest);
    }
}
