package dev.vitrine.app.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Image commands no longer wait for the Gallery aggregate, but a gallery deleted while uploads into it are being
 * requested still leaves no live image behind: each upload either happened before the deletion (and its image is
 * deleted with the gallery) or is refused.
 */
@VitrineIntegrationTest
class GalleryDeletedWhileUploadingIT {

    static final int UPLOADS = 16;

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void uploads_racing_a_deletion_are_deleted_with_the_gallery_or_refused() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Going", Visibility.PRIVATE);

        List<Future<Integer>> requests = new ArrayList<>();
        int deletion;
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < UPLOADS; i++) {
                requests.add(clients.submit(() -> requestUpload(owner, gallery.id())));
            }
            Thread.sleep(50);
            deletion = http.delete()
                    .uri("/api/galleries/" + gallery.id())
                    .headers(owner::sign)
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> request : requests) {
            statuses.add(request.get());
        }

        assertThat(deletion).isEqualTo(204);
        assertThat(statuses).as("each upload was taken or refused").allMatch(s -> s == 201 || s == 404 || s == 410);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM image_lookup WHERE gallery_id = ? AND NOT deleted",
                        Integer.class,
                        gallery.id()))
                .as(
                        "live images left in the deleted gallery (of %s uploads taken)",
                        statuses.stream().filter(s -> s == 201).count())
                .isZero();
        assertThat(requestUpload(owner, gallery.id())).as("after the deletion").isIn(404, 410);
    }

    private int requestUpload(Api.User owner, UUID galleryId) {
        return http.post()
                .uri("/api/uploads")
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "filename", "late.jpg", "contentType", "image/jpeg", "size", 1024, "galleryId", galleryId))
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }
}
