package dev.vitrine.app.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where the URLs of answers and events start: the configured address, else the request's own; never relative. */
class PublicUrlsTest {

    static final URI REQUEST = URI.create("http://10.0.0.7:8080/api/galleries?limit=5");

    static PublicUrls urls(String publicUrl, String cdn) {
        return new PublicUrls(publicUrl, cdn);
    }

    @Test
    void the_configured_address_wins_over_whatever_host_the_request_names() {
        PublicUrls urls = urls("https://photos.example.com/", "");
        assertThat(urls.origin(REQUEST)).isEqualTo("https://photos.example.com");
        assertThat(urls.ofEvents()).isEqualTo("https://photos.example.com");
    }

    @Test
    void unset_an_answer_uses_the_scheme_and_host_of_its_request() {
        assertThat(urls("", "").origin(REQUEST)).isEqualTo("http://10.0.0.7:8080");
    }

    @Test
    void unset_events_use_this_nodes_local_address() {
        assertThat(urls("", "").ofEvents()).startsWith("http://localhost:");
        assertThat(urls("", "").describe()).contains("unset");
    }

    @Test
    void public_variants_come_from_the_cdn_when_one_is_set_with_its_path() {
        assertThat(urls("", "https://cdn.example.com/vitrine/").publicMedia("http://10.0.0.7:8080", "g/i/g1/a.webp"))
                .isEqualTo("https://cdn.example.com/vitrine/media/g/i/g1/a.webp");
        assertThat(urls("", "").publicMedia("http://10.0.0.7:8080", "g/i/g1/a.webp"))
                .isEqualTo("http://10.0.0.7:8080/media/g/i/g1/a.webp");
    }

    @Test
    void a_setting_that_is_not_an_absolute_origin_stops_the_start_naming_it() {
        assertThatThrownBy(() -> urls("photos.example.com", ""))
                .hasMessageContaining("VITRINE_PUBLIC_URL")
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> urls("https://photos.example.com/gallery", "")).hasMessageContaining("without a path");
        assertThatThrownBy(() -> urls("", "/cdn")).hasMessageContaining("VITRINE_VARIANTS_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> urls("ftp://photos.example.com", "")).hasMessageContaining("http");
    }
}
