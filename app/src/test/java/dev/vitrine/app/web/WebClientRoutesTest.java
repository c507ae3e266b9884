package dev.vitrine.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.sharing.ShareTokens;
import org.junit.jupiter.api.Test;

class WebClientRoutesTest {

    static final String PAGE = "<html><head><title>Vitrine</title></head><body></body></html>";

    @Test
    void the_share_page_asks_for_its_gallery_and_first_photos_before_its_script_runs() {
        String token = ShareTokens.generate();

        assertThat(WebClientRoutes.withSharedDataPreloaded(PAGE, token))
                .contains("<link rel=\"preload\" href=\"/api/shared/" + token
                        + "\" as=\"fetch\" crossorigin=\"anonymous\">")
                .contains("<link rel=\"preload\" href=\"/api/shared/" + token
                        + "/images\" as=\"fetch\" crossorigin=\"anonymous\">")
                .endsWith("</head><body></body></html>");
    }

    @Test
    void nothing_of_a_path_that_is_no_token_goes_into_the_page() {
        assertThat(WebClientRoutes.withSharedDataPreloaded(PAGE, "\"><script>alert(1)</script>"))
                .isEqualTo(PAGE);
        assertThat(WebClientRoutes.withSharedDataPreloaded(PAGE, "short")).isEqualTo(PAGE);
    }
}
