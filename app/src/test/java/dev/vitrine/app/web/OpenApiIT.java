package dev.vitrine.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The app serves an OpenAPI document of its API, generated from the contract types, and a UI for it. */
@VitrineIntegrationTest
class OpenApiIT {

    @Autowired
    WebTestClient http;

    @Test
    void the_openapi_document_describes_the_routes_and_the_contract_schemas() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/galleries'].get")
                .exists()
                .jsonPath("$.paths['/api/galleries'].post")
                .exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}'].patch")
                .exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}/images'].get")
                .exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}/images/{imageId}'].delete")
                .exists()
                .jsonPath("$.paths['/api/uploads'].post")
                .exists()
                .jsonPath("$.paths['/api/uploads/{uploadId}/confirm'].post")
                .exists()
                .jsonPath("$.paths['/api/accounts'].post")
                .exists()
                .jsonPath("$.paths['/api/session'].post")
                .exists()
                .jsonPath("$.components.schemas.Gallery.properties.imageCount")
                .exists()
                .jsonPath("$.components.schemas.Image.properties.status.enum")
                .isArray()
                .jsonPath("$.components.schemas.GalleryListResponse.properties.pagination")
                .exists()
                .jsonPath("$.components.schemas.ImageListResponse.properties.pagination")
                .exists()
                .jsonPath("$.components.schemas.PresignedUploadResponse.properties.presignedUrl")
                .exists()
                .jsonPath("$.components.schemas.CreateGallery.properties.visibility.enum[0]")
                .isEqualTo("public")
                .jsonPath("$.components.schemas.UploadRequest.properties.contentType.pattern")
                .exists();
    }

    @Test
    void the_document_names_no_resolved_caller_and_no_made_up_defaults() {
        String document = document();
        assertThat(document)
                .doesNotContain("\"caller\"")
                .doesNotContain("\"default\":\"\"")
                .doesNotContain("DataBuffer");
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectBody()
                .jsonPath("$.components.schemas.Image.properties.problem.anyOf[0]['$ref']")
                .isEqualTo("#/components/schemas/ImageProblem");
    }

    /**
     * The web client's TypeScript types are generated from {@code web-client/openapi.json}: it must be the document
     * the app serves. {@code ./vitrine test -Dvitrine.openapi.update=true} (or any run of this test with that
     * property) writes the current one there.
     */
    @Test
    void the_web_clients_copy_of_the_document_is_current() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(document());
        Path copy = Path.of("..", "web-client", "openapi.json");
        String expected = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("vitrine.openapi.update")) {
            Files.writeString(copy, expected);
        }
        assertThat(Files.readString(copy))
                .as("web-client/openapi.json is stale: run the tests with "
                        + "-Dvitrine.openapi.update=true and commit it")
                .isEqualTo(expected);
    }

    private String document() {
        return new String(
                http.get()
                        .uri("/v3/api-docs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
    }

    @Test
    void the_openapi_ui_is_served() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get()
                .uri("/webjars/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
