package dev.vitrine.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.image.ImageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two lists a gallery counts in runs of positions, and the SQL that selects them: each list's condition is
 * exactly the predicate of the partial index made for it, so the planner can use the index for every page.
 */
class ImageListTest {

    @Test
    void the_owners_list_is_every_status_of_an_image_and_everyone_elses_is_published_ones() {
        assertThat(ImageList.SEEN.condition())
                .isEqualTo("status IN ('processing', 'published', 'rejected', 'stalled') AND NOT deleted");
        assertThat(ImageList.PUBLISHED.condition()).isEqualTo("status = 'published' AND NOT deleted");
        assertThat(ImageList.condition(ImageStatus.STALLED)).isEqualTo("status = 'stalled' AND NOT deleted");
    }

    @Test
    void each_condition_is_the_predicate_of_its_lists_index() throws IOException {
        String migration = resource("db/migration/query/V8__read_model_positions.sql");
        assertThat(ImageList.SEEN.condition()).isEqualTo(indexPredicate(migration, "image_view_seen_by_position"));
        assertThat(ImageList.PUBLISHED.condition())
                .isEqualTo(indexPredicate(migration, "image_view_published_by_position"));
    }

    @Test
    void a_list_holds_an_image_with_a_position_in_one_of_its_statuses_until_it_is_deleted() {
        ImageRow image = new ImageRow(UUID.randomUUID(), UUID.randomUUID());
        image.status = ImageStatus.PUBLISHED;
        assertThat(ImageList.SEEN.contains(image)).as("no position yet").isFalse();
        image.position = 1L;
        assertThat(ImageList.SEEN.contains(image)).isTrue();
        assertThat(ImageList.PUBLISHED.contains(image)).isTrue();
        image.status = ImageStatus.REJECTED;
        assertThat(ImageList.SEEN.contains(image)).isTrue();
        assertThat(ImageList.PUBLISHED.contains(image)).isFalse();
        image.deleted = true;
        assertThat(ImageList.SEEN.contains(image)).isFalse();
    }

    @Test
    void positions_are_counted_in_runs_of_1024() {
        ImageRow image = new ImageRow(UUID.randomUUID(), UUID.randomUUID());
        image.position = 1023L;
        assertThat(image.bucket()).isZero();
        image.position = 1024L;
        assertThat(image.bucket()).isOne();
    }

    private static String indexPredicate(String sql, String index) {
        Matcher m = Pattern.compile("CREATE INDEX " + index + " ON image_view \\([^)]*\\)\\s+WHERE ([^;]+);")
                .matcher(sql);
        assertThat(m.find()).as("index " + index + " in the migration").isTrue();
        return m.group(1).replaceAll("\\s+", " ").trim();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ImageListTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
