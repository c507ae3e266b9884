package dev.vitrine.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.admin.ReadModelDifference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a rebuilt read model is told apart from the live one: row by row, naming each column that differs. */
class ReadModelComparisonTest {

    final ReadModelComparison comparison = new ReadModelComparison(null, new ObjectMapper());

    @Test
    void a_row_that_differs_names_exactly_the_columns_that_differ_with_both_values() {
        ReadModelDifference difference = comparison.difference("image_view", "i-1", """
                {"id":"i-1","status":"published","width":800,"variants":[{"size":"large"}],"alt":null}""", """
                {"id":"i-1","status":"processing","width":800,"variants":[],"alt":null}""");
        assertThat(difference.kind()).isEqualTo(ReadModelDifference.Kind.DIFFERS);
        assertThat(difference.columns()).containsExactly("status", "variants");
        assertThat(difference.live()).containsEntry("status", "published");
        assertThat(difference.rebuilt()).containsEntry("status", "processing");
        assertThat(difference.live()).doesNotContainKey("width");
    }

    @Test
    void a_row_only_one_side_has_is_missing_from_the_other() {
        String row = """
                {"id":"g-1","name":"Trams"}""";
        ReadModelDifference missingInRebuilt = comparison.difference("gallery_view", "g-1", row, null);
        assertThat(missingInRebuilt.kind()).isEqualTo(ReadModelDifference.Kind.MISSING_IN_REBUILT);
        assertThat(missingInRebuilt.live()).isEqualTo(Map.of("id", "g-1", "name", "Trams"));
        ReadModelDifference missingInLive = comparison.difference("gallery_view", "g-1", null, row);
        assertThat(missingInLive.kind()).isEqualTo(ReadModelDifference.Kind.MISSING_IN_LIVE);
        assertThat(missingInLive.rebuilt()).containsEntry("name", "Trams");
    }

    @Test
    void equal_rows_differ_in_no_column() {
        String row = """
                {"id":"g-1","name":"Trams","version":3}""";
        assertThat(comparison.difference("gallery_view", "g-1", row, row).columns())
                .isEmpty();
    }
}
