package dev.vitrine.eventlog.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.api.integration.GalleryUpdatedV1;
import dev.vitrine.api.integration.ImageTagsChangedV1;
import dev.vitrine.api.integration.IntegrationTypes;
import dev.vitrine.api.integration.VariantGeneratedV1;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Integrators get ids and public facts, never internal details such as object keys or signed URLs. */
class PublicEventsTest {

    final PublicEvents events = new PublicEvents(key -> "https://cdn.example.test/media/" + key);
    final UUID gallery = UUID.randomUUID();
    final UUID image = UUID.randomUUID();

    @Test
    void a_variant_of_a_public_gallery_carries_its_stable_public_url() {
        var published = events.of(variant(), Visibility.PUBLIC).orElseThrow();
        assertThat(published.type()).isEqualTo(IntegrationTypes.VARIANT_GENERATED);
        assertThat(published.subject()).isEqualTo("galleries/" + gallery + "/images/" + image);
        assertThat(((VariantGeneratedV1) published.data()).url())
                .isEqualTo(
                        "https://cdn.example.test/media/" + gallery + "/" + image + "/g1/large-0123456789abcdef.webp");
        assertThat(((VariantGeneratedV1) published.data()).size()).isEqualTo("large");
    }

    @Test
    void a_variant_of_a_private_or_unlisted_gallery_carries_no_url() {
        assertThat(((VariantGeneratedV1) events.of(variant(), Visibility.PRIVATE)
                                .orElseThrow()
                                .data())
                        .url())
                .isNull();
        assertThat(((VariantGeneratedV1) events.of(variant(), Visibility.UNLISTED)
                                .orElseThrow()
                                .data())
                        .url())
                .isNull();
    }

    @Test
    void a_new_cover_is_a_gallery_update_that_names_what_changed() {
        UUID cover = UUID.randomUUID();
        var data = (GalleryUpdatedV1) events.of(new GalleryCoverChanged(gallery, cover), Visibility.PUBLIC)
                .orElseThrow()
                .data();
        assertThat(data.changed()).containsExactly("coverImageId");
        assertThat(data.coverImageId()).isEqualTo(cover);
        assertThat(data.name()).isNull();
    }

    @Test
    void a_change_of_tags_is_published_with_what_was_added_and_removed() {
        var published = events.of(
                        new ImageTagsChanged(
                                image, gallery, List.of("lisbon", "tram"), List.of("tram"), List.of("sea")),
                        Visibility.PUBLIC)
                .orElseThrow();
        assertThat(published.type()).isEqualTo("dev.vitrine.image.tags-changed.v1");
        assertThat(published.data())
                .isEqualTo(new ImageTagsChangedV1(
                        image, gallery, List.of("lisbon", "tram"), List.of("tram"), List.of("sea")));
    }

    @Test
    void internal_steps_of_processing_are_not_published() {
        assertThat(events.of(new UploadConfirmed(image, gallery, "key", "image/jpeg", 10, "sha"), Visibility.PUBLIC))
                .isEmpty();
        assertThat(events.of(new ImageAnalyzed(image, gallery, 1, 10, 10, 1.0, "LKO2"), Visibility.PUBLIC))
                .isEmpty();
    }

    private VariantGenerated variant() {
        return new VariantGenerated(
                image,
                gallery,
                1,
                VariantSize.LARGE,
                VariantFormat.WEBP,
                1920,
                1080,
                100_000,
                gallery + "/" + image + "/g1/large-0123456789abcdef.webp");
    }
}
