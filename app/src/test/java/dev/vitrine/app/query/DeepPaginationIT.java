package dev.vitrine.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitrine.api.image.query.ImagePage;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.seed.SeedPlan;
import dev.vitrine.app.seed.SeedResult;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.SeededDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A gallery of 10,000 images (seeded history, projected by the read model as it starts): numbered pages deep into
 * it are right, and a client paging by cursor meets every image exactly once while others add and delete images.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeepPaginationIT {

    static SeededDatabase seededDatabase;
    static HikariDataSource database;
    static SeedResult seeded;
    static AppNode app;
    static Api api;
    static Api.User owner;
    static UUID gallery;

    @BeforeAll
    static void seedAndStart() {
        seededDatabase = SeededDatabase.seed(new SeedPlan(1, 10_000, 7));
        database = seededDatabase.dataSource();
        seeded = seededDatabase.seeded();
        SeedResult.SeededGallery only = seeded.largest();
        gallery = only.id();
        app = AppNode.start("pagination", seededDatabase.url());
        api = app.api();
        owner = seededDatabase.owner(only);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.gallery(owner, gallery).imageCount() == 10_000);
    }

    @AfterAll
    static void stop() {
        app.close();
        seededDatabase.close();
    }

    @Test
    @Order(1)
    void numbered_pages_deep_into_a_large_gallery_hold_exactly_the_images_at_their_place() {
        List<UUID> expected = new JdbcTemplate(database).queryForList("""
                SELECT id FROM image_view WHERE gallery_id = ? AND status = 'published' AND NOT deleted
                ORDER BY position DESC""", UUID.class, gallery);
        assertThat(expected).hasSize(10_000);
        for (int page : new int[] {1, 2, 10, 11, 21, 50, 99, 100}) {
            ImagePage answer = page(null, page, 100);
            assertThat(answer.images())
                    .extracting(ImageView::id)
                    .as("page " + page)
                    .containsExactlyElementsOf(expected.subList((page - 1) * 100, page * 100));
            assertThat(answer.pagination().total()).isEqualTo(10_000);
            assertThat(answer.pagination().hasMore()).isEqualTo(page < 100);
        }
        assertThat(page(null, 101, 100).images()).isEmpty();
        // limits that do not divide the runs of 1024 positions
        assertThat(page(null, 37, 37).images())
                .extracting(ImageView::id)
                .containsExactlyElementsOf(expected.subList(36 * 37, 37 * 37));
    }

    @Test
    @Order(2)
    void paging_by_cursor_meets_every_image_exactly_once_while_images_come_and_go() {
        List<UUID> before = new JdbcTemplate(database).queryForList("""
                SELECT id FROM image_view WHERE gallery_id = ? AND status IN ('processing', 'published') AND NOT deleted
                ORDER BY position DESC""", UUID.class, gallery);
        List<UUID> seen = new ArrayList<>();
        Set<UUID> deleted = new HashSet<>();
        Set<UUID> added = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ImagePage answer = api.get(
                            owner,
                            "/api/galleries/" + gallery + "/images?limit=100"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus()
                    .isOk()
                    .expectBody(ImagePage.class)
                    .returnResult()
                    .getResponseBody();
            answer.images().forEach(image -> seen.add(image.id()));
            cursor = answer.pagination().cursor();
            pages++;
            if (pages == 5 || pages == 60) {
                added.add(api.upload(owner, gallery, "Landscape_" + (pages == 5 ? 3 : 4) + ".jpg")
                        .id());
            }
            if (pages % 20 == 0 && pages <= 80) {
                delete(before.get(before.size() - pages)); // not met yet
                delete(seen.get(pages)); // met already
                deleted.add(before.get(before.size() - pages));
            }
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).doesNotContainAnyElementsOf(added);
        List<UUID> expected = new ArrayList<>(before);
        expected.removeAll(deleted);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    private ImagePage page(Api.User viewer, int page, int limit) {
        return api.get(viewer, "/api/galleries/" + gallery + "/images?page=" + page + "&limit=" + limit)
                .expectStatus()
                .isOk()
                .expectBody(ImagePage.class)
                .returnResult()
                .getResponseBody();
    }

    private void delete(UUID image) {
        api.http()
                .delete()
                .uri("/api/galleries/" + gallery + "/images/" + image)
                .headers(owner::sign)
                .exchange()
                .expectStatus()
                .isNoContent();
    }
}
