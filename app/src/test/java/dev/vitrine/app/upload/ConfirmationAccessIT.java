package dev.vitrine.app.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.VitrineIntegrationTest;
import dev.vitrine.command.storage.UploadStorage;
import dev.vitrine.fixtures.Fixtures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * A confirmation reads the uploaded file back (up to 50 MB, hashed) only for someone who may add images to its
 * gallery: anyone else is refused before storage is touched. The real object store is used; this test only counts
 * how often the app asks it to read an upload back.
 */
@VitrineIntegrationTest
@Import(ConfirmationAccessIT.CountingStorage.class)
class ConfirmationAccessIT {

    static final String PHOTO = "Landscape_1.jpg";

    @Autowired
    WebTestClient http;

    @Autowired
    AtomicInteger uploadsReadBack;

    @Test
    void a_stranger_confirming_someone_elses_upload_is_refused_before_its_file_is_read() {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Mine", Visibility.PUBLIC);
        PresignedUpload upload = api.requestUpload(owner, gallery.id(), PHOTO, "image/jpeg");
        Api.put(upload, Fixtures.bytes(PHOTO), "image/jpeg");
        int before = uploadsReadBack.get();

        api.confirm(api.register(), upload.uploadId()).expectStatus().isNotFound();
        assertThat(uploadsReadBack.get())
                .as("reads of the upload for the stranger")
                .isEqualTo(before);

        api.confirm(owner, upload.uploadId()).expectStatus().isAccepted();
        assertThat(uploadsReadBack.get())
                .as("reads of the upload for its owner")
                .isEqualTo(before + 1);
    }

    /** Counts the app's requests to read an upload back from the (real) object store. */
    @TestConfiguration
    static class CountingStorage {

        @Bean
        AtomicInteger uploadsReadBack() {
            return new AtomicInteger();
        }

        @Bean
        static BeanPostProcessor countInspections(AtomicInteger uploadsReadBack) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof UploadStorage storage)) {
                        return bean;
                    }
                    return new UploadStorage() {
                        @Override
                        public PresignedPut presignPut(
                                String objectKey, String contentType, long size, Duration validFor) {
                            return storage.presignPut(objectKey, contentType, size, validFor);
                        }

                        @Override
                        public Mono<StoredObject> inspect(String objectKey) {
                            uploadsReadBack.incrementAndGet();
                            return storage.inspect(objectKey);
                        }

                        @Override
                        public Mono<Void> deleteAll(String keyPrefix) {
                            return storage.deleteAll(keyPrefix);
                        }
                    };
                }
            };
        }
    }
}
