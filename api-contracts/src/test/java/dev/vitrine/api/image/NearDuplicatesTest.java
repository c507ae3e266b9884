package dev.vitrine.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The near-duplicate rule, and the fingerprint text it is stored and sent as. */
class NearDuplicatesTest {

    record Photo(String name, Fingerprint fingerprint) {}

    static Photo photo(String name, long bits) {
        return new Photo(name, new Fingerprint(bits));
    }

    static List<List<String>> names(List<List<Photo>> groups) {
        return groups.stream()
                .map(group -> group.stream().map(Photo::name).toList())
                .toList();
    }

    @Test
    void photos_within_the_distance_are_grouped_and_a_photo_with_no_near_duplicate_is_in_no_group() {
        List<Photo> photos =
                List.of(photo("a", 0b0000L), photo("lonely", -1L), photo("a-copy", 0b0011L), photo("b", 0xFF00L));

        assertThat(names(NearDuplicates.group(photos, Photo::fingerprint, 2))).containsExactly(List.of("a", "a-copy"));
        assertThat(NearDuplicates.group(photos, Photo::fingerprint, 1)).isEmpty();
    }

    @Test
    void a_chain_of_near_duplicates_is_one_group_even_where_its_ends_are_further_apart_than_the_distance() {
        List<Photo> photos = List.of(photo("end", 0b1111L), photo("start", 0b0000L), photo("middle", 0b0011L));

        assertThat(names(NearDuplicates.group(photos, Photo::fingerprint, 2)))
                .containsExactly(List.of("end", "start", "middle"));
    }

    @Test
    void groups_keep_the_input_order_and_come_in_the_order_of_their_first_member() {
        List<Photo> photos = List.of(
                photo("b1", 0xFF00L),
                photo("a1", 0L),
                photo("single", 0x00FF_0000_0000L),
                photo("a2", 1L),
                photo("b2", 0xFF01L),
                photo("a3", 2L));

        assertThat(names(NearDuplicates.group(photos, Photo::fingerprint, 1)))
                .containsExactly(List.of("b1", "b2"), List.of("a1", "a2", "a3"));
    }

    @Test
    void at_distance_0_only_identical_fingerprints_are_grouped_and_no_items_give_no_groups() {
        List<Photo> photos = List.of(photo("a", 7L), photo("b", 6L), photo("a-again", 7L));

        assertThat(names(NearDuplicates.group(photos, Photo::fingerprint, 0))).containsExactly(List.of("a", "a-again"));
        assertThat(NearDuplicates.group(List.<Photo>of(), Photo::fingerprint, 8))
                .isEmpty();
        assertThatThrownBy(() -> NearDuplicates.group(photos, Photo::fingerprint, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_distance_counts_differing_bits_including_the_sign_bit() {
        assertThat(new Fingerprint(0L).distanceTo(new Fingerprint(-1L))).isEqualTo(64);
        assertThat(new Fingerprint(Long.MIN_VALUE).distanceTo(new Fingerprint(1L)))
                .isEqualTo(2);
        assertThat(new Fingerprint(0x0F0FL).distanceTo(new Fingerprint(0x0F0FL)))
                .isZero();
    }

    @Test
    void a_fingerprint_is_16_lower_case_hex_digits_in_json_and_back() throws Exception {
        Fingerprint fingerprint = new Fingerprint(0xF0E4_C2D3_B1A3_9785L);
        assertThat(fingerprint.hex()).isEqualTo("f0e4c2d3b1a39785");
        assertThat(new Fingerprint(1L).hex()).isEqualTo("0000000000000001");
        assertThat(Fingerprint.ofHex("F0E4C2D3B1A39785")).isEqualTo(fingerprint);

        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(fingerprint)).isEqualTo("\"f0e4c2d3b1a39785\"");
        assertThat(json.readValue("\"f0e4c2d3b1a39785\"", Fingerprint.class)).isEqualTo(fingerprint);
    }

    @Test
    void anything_but_16_hex_digits_is_refused() {
        for (String wrong : new String[] {
            null,
            "",
            "f0e4c2d3b1a3978",
            "f0e4c2d3b1a397850",
            "f0e4c2d3b1a3978g",
            "+0e4c2d3b1a39785",
            "f0e4c2d3b1a3978\uFF15"
        }) {
            assertThatThrownBy(() -> Fingerprint.ofHex(wrong))
                    .as("%s", wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
