package dev.vitrine.eventlog.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who a gallery's events are for: its visitors while it is public, an image's only from its publication on; news of
 * a change of who may see it, for everyone; anything else, its owner (and administrators and auditors).
 */
class GalleryAudienceTest {

    final UUID gallery = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final UUID image = UUID.randomUUID();

    final GalleryAudience open = GalleryAudience.unknown(gallery)
            .after(new GalleryCreated(gallery, owner, "Trams", null, Visibility.PUBLIC));

    @Test
    void the_events_of_a_public_gallery_are_for_its_visitors() {
        assertThat(reach(GalleryAudience.unknown(gallery), created(Visibility.PUBLIC)))
                .isEqualTo(Reach.VISITORS);
        assertThat(reach(open, new GalleryDetailsChanged(gallery, "Trams of Lisbon", null)))
                .isEqualTo(Reach.VISITORS);
        assertThat(reach(open, new GalleryCoverChanged(gallery, image))).isEqualTo(Reach.VISITORS);
    }

    @Test
    void the_events_of_a_private_or_unlisted_gallery_are_for_its_owner() {
        for (Visibility hidden : new Visibility[] {Visibility.PRIVATE, Visibility.UNLISTED}) {
            GalleryAudience unknown = GalleryAudience.unknown(gallery);
            assertThat(reach(unknown, created(hidden))).isEqualTo(Reach.OWNER);
            GalleryAudience mine = unknown.after(created(hidden));
            assertThat(mine.ownerId()).isEqualTo(owner);
            assertThat(mine.isPublic()).isFalse();
            assertThat(reach(mine, new GalleryDetailsChanged(gallery, "Still mine", null)))
                    .isEqualTo(Reach.OWNER);
            assertThat(reach(mine, new ImagePublished(image, gallery, 1), true)).isEqualTo(Reach.OWNER);
        }
    }

    @Test
    void an_image_is_for_the_visitors_from_its_publication_on_and_what_came_before_stays_its_owners() {
        assertThat(reach(open, upload(), false))
                .as("the upload, with its file name")
                .isEqualTo(Reach.OWNER);
        assertThat(reach(open, variant(VariantFormat.WEBP), false))
                .as("a variant made for the publication")
                .isEqualTo(Reach.OWNER);
        assertThat(reach(open, new ImageRejected(image, gallery, 1, "corrupt_image", "unreadable"), false))
                .as("a rejection: the image was never shown")
                .isEqualTo(Reach.OWNER);
        assertThat(reach(open, new ImageDeleted(image, gallery), false))
                .as("the deletion of an image never shown")
                .isEqualTo(Reach.OWNER);

        assertThat(reach(open, new ImagePublished(image, gallery, 1), true)).isEqualTo(Reach.VISITORS);
        assertThat(reach(open, variant(VariantFormat.AVIF), true)).isEqualTo(Reach.VISITORS);
        assertThat(reach(open, new ImageRejected(image, gallery, 2, "corrupt_image", "unreadable"), true))
                .as("a shown image's new generation rejected")
                .isEqualTo(Reach.VISITORS);
        assertThat(reach(open, new ImageDeleted(image, gallery), true)).isEqualTo(Reach.VISITORS);
    }

    @Test
    void becoming_public_or_stopping_being_public_is_news_for_everyone_for_good() {
        GalleryAudience hidden = GalleryAudience.unknown(gallery).after(created(Visibility.PRIVATE));
        var opened = new GalleryVisibilityChanged(gallery, Visibility.PUBLIC, Visibility.PRIVATE);
        assertThat(reach(hidden, opened)).isEqualTo(Reach.EVERYONE);
        GalleryAudience shown = hidden.after(opened);
        assertThat(shown.isPublic()).isTrue();

        var unlisted = new GalleryVisibilityChanged(gallery, Visibility.UNLISTED, Visibility.PUBLIC);
        assertThat(reach(shown, unlisted)).isEqualTo(Reach.EVERYONE);
        GalleryAudience hiddenAgain = shown.after(unlisted);
        assertThat(reach(hiddenAgain, new GalleryVisibilityChanged(gallery, Visibility.PRIVATE, Visibility.UNLISTED)))
                .as("between private and unlisted: nobody else ever saw it")
                .isEqualTo(Reach.OWNER);
    }

    @Test
    void a_deleted_gallery_has_no_visitors_and_its_deletion_is_news_only_if_it_was_public() {
        var deletion = new GalleryDeleted(gallery, owner);
        assertThat(reach(open, deletion)).isEqualTo(Reach.EVERYONE);
        GalleryAudience gone = open.after(deletion);
        assertThat(gone.isPublic()).isFalse();
        assertThat(reach(gone, new ImageDeleted(image, gallery), true))
                .as("its images deleted with it")
                .isEqualTo(Reach.OWNER);

        GalleryAudience hidden = GalleryAudience.unknown(gallery).after(created(Visibility.PRIVATE));
        assertThat(reach(hidden, deletion)).isEqualTo(Reach.OWNER);
    }

    @Test
    void what_happens_to_a_gallery_never_seen_created_is_kept_to_auditors() {
        GalleryAudience unknown = GalleryAudience.unknown(gallery);
        assertThat(reach(unknown, new ImagePublished(image, gallery, 1), true)).isEqualTo(Reach.OWNER);
        assertThat(reach(unknown, new GalleryVisibilityChanged(gallery, Visibility.PUBLIC, Visibility.PRIVATE)))
                .as("even a change of visibility: the log cannot tell whose gallery it is")
                .isEqualTo(Reach.OWNER);
    }

    @Test
    void each_reach_is_stored_as_the_log_columns_say() {
        assertThat(Reach.OWNER.restricted()).isTrue();
        assertThat(Reach.OWNER.announcement()).isFalse();
        assertThat(Reach.VISITORS.restricted()).isFalse();
        assertThat(Reach.VISITORS.announcement()).isFalse();
        assertThat(Reach.EVERYONE.restricted()).isFalse();
        assertThat(Reach.EVERYONE.announcement()).isTrue();
    }

    private GalleryCreated created(Visibility visibility) {
        return new GalleryCreated(gallery, owner, "Trams", null, visibility);
    }

    private UploadRequested upload() {
        return new UploadRequested(
                image,
                gallery,
                owner,
                owner,
                "holiday-secret.jpg",
                "image/jpeg",
                1000,
                gallery + "/" + image + "/original",
                Instant.parse("2026-12-01T10:15:00Z"));
    }

    private VariantGenerated variant(VariantFormat format) {
        return new VariantGenerated(
                image, gallery, 1, VariantSize.LARGE, format, 1920, 1080, 100_000, gallery + "/" + image + "/g1/x");
    }

    private static Reach reach(GalleryAudience before, GalleryEvent event) {
        return reach(before, event, true);
    }

    private static Reach reach(GalleryAudience before, GalleryEvent event, boolean imagePublished) {
        return before.reach(event, before.after(event), imagePublished);
    }
}
