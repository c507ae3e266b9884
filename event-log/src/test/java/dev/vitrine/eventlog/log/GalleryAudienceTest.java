package dev.vitrine.eventlog.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.image.event.ImagePublished;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who receives a gallery's events: everyone while it is public, its owner (and auditors) otherwise. */
class GalleryAudienceTest {

    final UUID gallery = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();

    @Test
    void the_events_of_a_public_gallery_are_for_everyone() {
        GalleryAudience created = restrictedAfter(
                GalleryAudience.unknown(gallery),
                new GalleryCreated(gallery, owner, "Trams", null, Visibility.PUBLIC),
                false);
        restrictedAfter(created, new ImagePublished(UUID.randomUUID(), gallery, 1), false);
        restrictedAfter(created, new GalleryDeleted(gallery, owner), false);
    }

    @Test
    void the_events_of_a_private_or_unlisted_gallery_are_for_its_owner() {
        for (Visibility hidden : new Visibility[] {Visibility.PRIVATE, Visibility.UNLISTED}) {
            GalleryAudience created = restrictedAfter(
                    GalleryAudience.unknown(gallery), new GalleryCreated(gallery, owner, "Mine", null, hidden), true);
            assertThat(created.ownerId()).isEqualTo(owner);
            restrictedAfter(created, new GalleryDetailsChanged(gallery, "Still mine", null), true);
        }
    }

    @Test
    void becoming_public_or_stopping_being_public_is_news_for_everyone() {
        GalleryAudience hidden = GalleryAudience.unknown(gallery)
                .after(new GalleryCreated(gallery, owner, "G", null, Visibility.PRIVATE));
        GalleryAudience open = restrictedAfter(
                hidden, new GalleryVisibilityChanged(gallery, Visibility.PUBLIC, Visibility.PRIVATE), false);
        GalleryAudience hiddenAgain = restrictedAfter(
                open, new GalleryVisibilityChanged(gallery, Visibility.PRIVATE, Visibility.PUBLIC), false);
        restrictedAfter(
                hiddenAgain, new GalleryVisibilityChanged(gallery, Visibility.UNLISTED, Visibility.PRIVATE), true);
    }

    @Test
    void what_happens_to_a_gallery_never_seen_created_is_kept_to_auditors() {
        restrictedAfter(GalleryAudience.unknown(gallery), new ImagePublished(UUID.randomUUID(), gallery, 1), true);
    }

    private static GalleryAudience restrictedAfter(GalleryAudience before, GalleryEvent event, boolean restricted) {
        GalleryAudience after = before.after(event);
        assertThat(before.restricts(event, after)).as(event.toString()).isEqualTo(restricted);
        return after;
    }
}
