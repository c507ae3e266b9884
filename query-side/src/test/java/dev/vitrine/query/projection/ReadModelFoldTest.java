package dev.vitrine.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.ImageEvent;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How events become rows of the read model: given the events so far, when a batch of them, then the rows. */
class ReadModelFoldTest {

    final UUID gallery = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final InMemoryRows rows = new InMemoryRows();
    final Map<UUID, Long> sequences = new HashMap<>();
    long index;

    @Nested
    class Galleries {

        @Test
        void a_created_gallery_is_a_row_at_version_zero() {
            given(created());
            GalleryRow row = rows.galleries.get(gallery);
            assertThat(row.name).isEqualTo("Trams");
            assertThat(row.visibility).isEqualTo(Visibility.PUBLIC);
            assertThat(row.version).isZero();
            assertThat(row.imageCount).isZero();
        }

        @Test
        void changes_follow_in_order_and_each_moves_the_version() {
            given(
                    created(),
                    new GalleryDetailsChanged(gallery, "Trams of Lisbon", "yellow"),
                    new GalleryCoverChanged(gallery, null),
                    new GalleryDeleted(gallery, owner));
            GalleryRow row = rows.galleries.get(gallery);
            assertThat(row.name).isEqualTo("Trams of Lisbon");
            assertThat(row.deleted).isTrue();
            assertThat(row.version).isEqualTo(3);
        }

        @Test
        void an_event_the_row_already_holds_changes_nothing() {
            given(created());
            EventPosition first = new EventPosition(1, Instant.now(), ++index);
            batch(new Event(new GalleryDetailsChanged(gallery, "Once", null), first));
            batch(
                    new Event(new GalleryDetailsChanged(gallery, "Once", null), first),
                    new Event(
                            new GalleryDetailsChanged(gallery, "Stale", null), new EventPosition(0, Instant.now(), 1)));
            assertThat(rows.galleries.get(gallery).name).isEqualTo("Once");
        }

        @Test
        void members_see_a_private_gallery_as_their_role_allows_until_they_are_removed() {
            UUID viewerId = UUID.randomUUID();
            UUID contributorId = UUID.randomUUID();
            Actor viewer = Actor.user(viewerId);
            Actor contributor = Actor.user(contributorId);
            given(
                    created(),
                    new GalleryVisibilityChanged(gallery, Visibility.PRIVATE, Visibility.PUBLIC),
                    new MemberAdded(gallery, viewerId, "vera", GalleryRole.VIEWER),
                    new MemberAdded(gallery, contributorId, "carl", GalleryRole.VIEWER),
                    new MemberRoleChanged(gallery, contributorId, GalleryRole.CONTRIBUTOR, GalleryRole.VIEWER));
            GalleryRow row = rows.galleries.get(gallery);
            assertThat(row.visibleTo(viewer)).isTrue();
            assertThat(row.showsUnpublishedTo(viewer)).isFalse();
            assertThat(row.showsUnpublishedTo(contributor)).isTrue();
            assertThat(row.view(contributor).yourRole()).isEqualTo(GalleryRole.CONTRIBUTOR);
            assertThat(row.visibleTo(Actor.user(UUID.randomUUID()))).isFalse();

            given(new MemberRemoved(gallery, viewerId, GalleryRole.VIEWER));
            row = rows.galleries.get(gallery);
            assertThat(row.visibleTo(viewer)).isFalse();
            assertThat(row.members()).extracting(StoredMember::username).containsExactly("carl");
        }
    }

    @Nested
    class Lists {

        @Test
        void an_upload_joins_the_owners_list_when_confirmed_and_everyones_when_published() {
            UUID image = UUID.randomUUID();
            given(created(), requested(image));
            assertThat(counts()).containsExactly(0, 0);
            given(confirmed(image));
            assertThat(counts()).containsExactly(1, 0);
            assertThat(rows.images.get(image).position).isEqualTo(1);
            given(new ImagePublished(image, gallery, 1));
            assertThat(counts()).containsExactly(1, 1);
            assertThat(rows.bucket(gallery, ImageList.PUBLISHED, 0)).isEqualTo(1);
        }

        @Test
        void positions_follow_the_order_of_confirmations_not_of_requests() {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            given(created(), requested(first), requested(second), confirmed(second), confirmed(first));
            assertThat(rows.images.get(second).position).isEqualTo(1);
            assertThat(rows.images.get(first).position).isEqualTo(2);
        }

        @Test
        void a_rejected_image_stays_in_the_owners_list_only_and_a_deleted_one_leaves_both() {
            UUID rejected = UUID.randomUUID();
            UUID deleted = UUID.randomUUID();
            given(
                    created(),
                    requested(rejected),
                    confirmed(rejected),
                    new ImageRejected(rejected, gallery, 1, "too_many_pixels", "too large"),
                    requested(deleted),
                    confirmed(deleted),
                    new ImagePublished(deleted, gallery, 1),
                    new ImageDeleted(deleted, gallery));
            assertThat(counts()).containsExactly(1, 0);
            assertThat(rows.bucket(gallery, ImageList.SEEN, 0)).isEqualTo(1);
            assertThat(rows.bucket(gallery, ImageList.PUBLISHED, 0)).isZero();
            assertThat(rows.images.get(rejected).problemCode).isEqualTo("too_many_pixels");
        }

        @Test
        void an_upload_never_confirmed_expires_without_ever_being_listed() {
            UUID image = UUID.randomUUID();
            given(created(), requested(image), new UploadExpired(image, gallery, "key"));
            assertThat(rows.images.get(image).status).isEqualTo(ImageStatus.EXPIRED);
            assertThat(counts()).containsExactly(0, 0);
        }

        @Test
        void images_are_counted_in_runs_of_1024_positions() {
            given(created());
            for (int i = 0; i < 1030; i++) {
                UUID image = UUID.randomUUID();
                given(requested(image), confirmed(image));
            }
            assertThat(rows.bucket(gallery, ImageList.SEEN, 0)).isEqualTo(1023);
            assertThat(rows.bucket(gallery, ImageList.SEEN, 1)).isEqualTo(7);
            assertThat(rows.galleries.get(gallery).nextPosition).isEqualTo(1030);
        }

        @Test
        void a_batch_delivered_twice_counts_once() {
            UUID image = UUID.randomUUID();
            given(created());
            List<Event> events = List.of(
                    event(requested(image)), event(confirmed(image)), event(new ImagePublished(image, gallery, 1)));
            batch(events.toArray(Event[]::new));
            batch(events.toArray(Event[]::new));
            assertThat(counts()).containsExactly(1, 1);
            assertThat(rows.bucket(gallery, ImageList.PUBLISHED, 0)).isEqualTo(1);
        }
    }

    @Nested
    class Variants {

        @Test
        void the_published_generation_is_shown_and_a_reprocessed_one_waits_until_it_is_published() {
            UUID image = UUID.randomUUID();
            given(
                    created(),
                    requested(image),
                    confirmed(image),
                    variant(image, 1, VariantFormat.WEBP),
                    new ImagePublished(image, gallery, 1),
                    variant(image, 1, VariantFormat.AVIF));
            assertThat(rows.images.get(image).variants)
                    .extracting(StoredVariant::generation)
                    .containsExactly(1, 1);

            given(
                    new ImageReprocessingRequested(image, gallery, 2, "key", "image/jpeg", "sha"),
                    variant(image, 2, VariantFormat.WEBP));
            ImageRow reprocessing = rows.images.get(image);
            assertThat(reprocessing.status).isEqualTo(ImageStatus.PUBLISHED);
            assertThat(reprocessing.variants)
                    .extracting(StoredVariant::generation)
                    .containsExactly(1, 1);
            assertThat(reprocessing.pending)
                    .extracting(StoredVariant::generation)
                    .containsExactly(2);

            given(new ImagePublished(image, gallery, 2));
            assertThat(rows.images.get(image).variants)
                    .extracting(StoredVariant::generation)
                    .containsExactly(2);
            assertThat(rows.images.get(image).pending).isEmpty();
            assertThat(counts()).containsExactly(1, 1);
        }

        @Test
        void a_failed_attempt_shows_nothing_new_but_moves_the_version() {
            UUID image = UUID.randomUUID();
            given(
                    created(),
                    requested(image),
                    confirmed(image),
                    new ImageProcessingFailed(image, gallery, 1, 1, "S3 down"));
            assertThat(rows.images.get(image).status).isEqualTo(ImageStatus.PROCESSING);
            assertThat(rows.images.get(image).version).isEqualTo(2);
        }
    }

    @Nested
    class Inconsistencies {

        @Test
        void an_event_of_an_image_never_seen_fails_and_leaves_the_batch_untouched() {
            UUID known = UUID.randomUUID();
            given(created());
            ProjectionBatch batch = new ProjectionBatch(rows);
            batch.apply(requested(known), position(known));
            assertThatThrownBy(() -> batch.apply(
                            new ImagePublished(UUID.randomUUID(), gallery, 1),
                            new EventPosition(7, Instant.now(), ++index)))
                    .hasMessageContaining("no image");
            batch.flush();
            assertThat(rows.images).containsOnlyKeys(known);
        }

        @Test
        void an_upload_to_a_gallery_never_seen_fails() {
            UUID image = UUID.randomUUID();
            ProjectionBatch batch = new ProjectionBatch(rows);
            assertThatThrownBy(() -> batch.apply(requested(image), position(image)))
                    .hasMessageContaining("no gallery");
        }
    }

    private record Event(GalleryEvent payload, EventPosition position) {}

    private GalleryCreated created() {
        return new GalleryCreated(gallery, owner, "Trams", null, Visibility.PUBLIC);
    }

    private UploadRequested requested(UUID image) {
        return new UploadRequested(image, gallery, owner, owner, "tram.jpg", "image/jpeg", 1000, "key", Instant.now());
    }

    private UploadConfirmed confirmed(UUID image) {
        return new UploadConfirmed(image, gallery, "key", "image/jpeg", 1000, "sha");
    }

    private VariantGenerated variant(UUID image, int generation, VariantFormat format) {
        return new VariantGenerated(
                image, gallery, generation, VariantSize.LARGE, format, 1920, 1080, 1000, "key-" + generation + format);
    }

    /** Each event in its own batch, as a processor that handles one event per transaction would. */
    private void given(GalleryEvent... events) {
        for (GalleryEvent event : events) {
            batch(event(event));
        }
    }

    private void batch(Event... events) {
        ProjectionBatch batch = new ProjectionBatch(rows);
        batch.prefetch(Arrays.stream(events).map(Event::payload).toList());
        for (Event event : events) {
            batch.apply(event.payload(), event.position());
        }
        batch.flush();
    }

    private Event event(GalleryEvent payload) {
        UUID aggregate = payload instanceof ImageEvent image ? image.imageId() : gallery;
        return new Event(payload, position(aggregate));
    }

    private EventPosition position(UUID aggregate) {
        long sequence = sequences.merge(aggregate, 0L, (old, zero) -> old + 1);
        return new EventPosition(sequence, Instant.now(), ++index);
    }

    private List<Integer> counts() {
        GalleryRow row = rows.galleries.get(gallery);
        return List.of(row.confirmedCount, row.imageCount);
    }
}
