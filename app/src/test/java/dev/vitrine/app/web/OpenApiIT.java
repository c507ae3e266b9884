package dev.vitrine.app.web;

import dev.vitrine.app.support.VitrineIntegrationTest;
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
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/galleries'].get").exists()
                .jsonPath("$.paths['/api/galleries'].post").exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}'].patch").exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}/images'].get").exists()
                .jsonPath("$.paths['/api/galleries/{galleryId}/images/{imageId}'].delete").exists()
                .jsonPath("$.paths['/api/uploads'].post").exists()
                .jsonPath("$.paths['/api/uploads/{uploadId}/confirm'].post").exists()
                .jsonPath("$.paths['/api/accounts'].post").exists()
                .jsonPath("$.paths['/api/session'].post").exists()
                .jsonPath("$.components.schemas.Gallery.properties.imageCount").exists()
                .jsonPath("$.components.schemas.Image.properties.status.enum").isArray()
                .jsonPath("$.components.schemas.GalleryListResponse.properties.pagination").exists()
                .jsonPath("$.components.schemas.ImageListResponse.properties.pagination").exists()
                .jsonPath("$.components.schemas.PresignedUploadResponse.properties.presignedUrl").exists()
                .jsonPath("$.components.schemas.CreateGallery.properties.visibility.enum[0]").isEqualTo("public")
                .jsonPath("$.components.schemas.UploadRequest.properties.contentType.pattern").exists();
    }

    @Test
    void the_printed_url_opens_the_api_documentation() {
        http.get().uri("/").exchange().expectStatus().isTemporaryRedirect()
                .expectHeader().location("/swagger-ui.html");
    }

    @Test
    void the_openapi_ui_is_served() {
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        http.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
