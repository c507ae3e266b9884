package dev.vitrine.command.image;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.command.RecordProcessingResult;
import dev.vitrine.api.image.command.ReprocessImage;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.recorded.RecordedHistory;
import dev.vitrine.command.KnownImages;
import dev.vitrine.command.gallery.KnownGalleries;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An image whose history was recorded with the release before completion was an event (old event names, no
 * ImageProcessingCompleted, two generations processed in full) still loads and follows today's rules.
 */
class RecordedImageHistoryTest {

    final RecordedHistory history = RecordedHistory.load();
    AggregateTestFixture<Image> fixture;
    List<Object> reprocessedImage;
    UploadRequested requested;
    UploadConfirmed confirmed;

    @BeforeEach
    void setUp() {
        UUID imageId = history.read().stream()
                .filter(event -> event.payload() instanceof ImageReprocessingRequested)
                .map(event -> ((ImageReprocessingRequested) event.payload()).imageId())
                .findFirst()
                .orElseThrow();
        reprocessedImage = history.eventsOf(imageId);
        requested = (UploadRequested) reprocessedImage.getFirst();
        confirmed = (UploadConfirmed) reprocessedImage.get(1);
        fixture = new AggregateTestFixture<>(Image.class);
        fixture.registerInjectableResource(new KnownGalleries().with(requested.galleryId(), requested.ownerId()));
        fixture.registerInjectableResource(new KnownImages());
    }

    @Test
    void a_late_result_for_a_generation_completed_back_then_records_nothing_and_completes_nothing() {
        fixture.given(reprocessedImage)
                .when(new RecordProcessingResult(
                        requested.imageId(),
                        2,
                        null,
                        List.of(new RecordProcessingResult.Variant(
                                VariantSize.LARGE, VariantFormat.AVIF, 100, 80, 1234, "late/large.avif"))))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void it_is_reprocessed_as_its_third_generation() {
        fixture.given(reprocessedImage)
                .when(new ReprocessImage(requested.imageId(), requested.galleryId(), Actor.user(requested.ownerId())))
                .expectEvents(new ImageReprocessingRequested(
                        requested.imageId(),
                        requested.galleryId(),
                        3,
                        requested.objectKey(),
                        requested.contentType(),
                        confirmed.sha256()));
    }
}
