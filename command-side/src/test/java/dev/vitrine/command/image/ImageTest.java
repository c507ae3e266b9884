package dev.vitrine.command.image;

import static dev.vitrine.command.Rejections.rejected;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.command.ChangeImageAlt;
import dev.vitrine.api.image.command.ChangeImageTags;
import dev.vitrine.api.image.command.ConfirmUpload;
import dev.vitrine.api.image.command.DeleteImage;
import dev.vitrine.api.image.command.RequestUpload;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.command.KnownImages;
import dev.vitrine.command.Rejections;
import dev.vitrine.command.gallery.KnownGalleries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageTest {

    static final UUID IMAGE = UUID.randomUUID();
    static final UUID GALLERY = UUID.randomUUID();
    static final UUID OTHER_GALLERY = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final Actor owner = Actor.user(OWNER);
    static final Actor stranger = Actor.user(UUID.randomUUID());
    static final Actor admin = new Actor(UUID.randomUUID(), true);
    static final Instant EXPIRES = Instant.now().plusSeconds(900).truncatedTo(ChronoUnit.SECONDS);
    static final String KEY = GALLERY + "/" + IMAGE + "/original";
    static final String SHA = "a".repeat(64);

    static final UploadRequested requested =
            new UploadRequested(IMAGE, GALLERY, OWNER, OWNER, "tram.jpg", "image/jpeg", 829_183, KEY, EXPIRES);
    static final UploadConfirmed confirmed = new UploadConfirmed(IMAGE, GALLERY, KEY, "image/jpeg", 829_183, SHA);

    static UploadRequested uploadedBy(UUID uploaderId) {
        return new UploadRequested(IMAGE, GALLERY, OWNER, uploaderId, "tram.jpg", "image/jpeg", 829_183, KEY, EXPIRES);
    }

    AggregateTestFixture<Image> fixture;
    KnownGalleries galleries;
    KnownImages images;

    @BeforeEach
    void setUp() {
        galleries = new KnownGalleries().with(GALLERY, OWNER).with(OTHER_GALLERY, UUID.randomUUID());
        fixture = new AggregateTestFixture<>(Image.class);
        fixture.registerInjectableResource(galleries);
        images = new KnownImages();
        fixture.registerInjectableResource(images);
    }

    static RequestUpload request(String contentType, long size, Actor by) {
        return new RequestUpload(IMAGE, GALLERY, "tram.jpg", contentType, size, KEY, EXPIRES, by);
    }

    static ConfirmUpload confirm(Long storedSize, Instant at, Actor by) {
        return new ConfirmUpload(IMAGE, storedSize, storedSize == null ? null : SHA, at, by);
    }

    @Nested
    class RequestingAnUpload {

        @Test
        void the_gallery_owner_requests_an_upload_and_the_image_is_born_with_an_expiry() {
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 829_183, owner))
                    .expectEvents(requested)
                    .expectScheduledDeadline(EXPIRES, new Image.UploadExpiryDue(IMAGE));
        }

        @Test
        void an_upload_never_confirmed_expires() {
            fixture.givenCommands(request("image/jpeg", 829_183, owner))
                    .whenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                    .expectEvents(new UploadExpired(IMAGE, GALLERY, KEY));
        }

        @Test
        void a_confirmed_upload_does_not_expire() {
            fixture.givenCommands(
                            request("image/jpeg", 829_183, owner), confirm(829_183L, EXPIRES.minusSeconds(60), owner))
                    .whenTimeAdvancesTo(EXPIRES.plusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void an_administrator_uploads_on_the_owners_behalf() {
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 829_183, admin))
                    .expectEvents(uploadedBy(admin.userId()));
        }

        @Test
        void nobody_else_uploads_into_the_gallery() {
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 829_183, stranger))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void the_gallery_must_exist_and_be_alive() {
            fixture.givenNoPriorActivity()
                    .when(new RequestUpload(IMAGE, UUID.randomUUID(), "x.jpg", "image/jpeg", 10, KEY, EXPIRES, owner))
                    .expectException(rejected(ErrorCode.GALLERY_NOT_FOUND, "galleryId"));
            galleries.delete(GALLERY);
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 10, owner))
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
        }

        @Test
        void only_image_types_are_accepted() {
            fixture.givenNoPriorActivity()
                    .when(request("application/pdf", 10, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "contentType"));
            fixture.givenNoPriorActivity()
                    .when(request("image/avif", 10, owner))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void files_are_between_one_byte_and_50_megabytes() {
            fixture.givenNoPriorActivity()
                    .when(request("image/png", 50L * 1024 * 1024 + 1, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "size"));
            fixture.givenNoPriorActivity()
                    .when(request("image/png", 0, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "size"));
            fixture.givenNoPriorActivity()
                    .when(request("image/png", 50L * 1024 * 1024, owner))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class ConfirmingAnUpload {

        @Test
        void the_stored_size_and_hash_are_recorded_when_they_match_the_request() {
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(60), owner))
                    .expectEvents(confirmed)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void an_expired_upload_cannot_be_confirmed() {
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.plusMillis(1), owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.UPLOAD_EXPIRED));
        }

        @Test
        void expiry_is_checked_before_whether_anything_was_stored() {
            fixture.given(requested)
                    .when(confirm(null, EXPIRES.plusSeconds(1), owner))
                    .expectException(rejected(ErrorCode.UPLOAD_EXPIRED));
        }

        @Test
        void nothing_stored_yet_is_a_conflict() {
            fixture.given(requested)
                    .when(confirm(null, EXPIRES.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.UPLOAD_MISSING));
        }

        @Test
        void stored_bytes_must_be_exactly_the_declared_size() {
            fixture.given(requested)
                    .when(confirm(829_182L, EXPIRES.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.SIZE_MISMATCH, "size"));
        }

        @Test
        void a_retried_confirmation_of_the_same_bytes_changes_nothing_and_succeeds() {
            fixture.given(requested, confirmed)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void other_bytes_put_after_confirmation_are_refused() {
            fixture.given(requested, confirmed)
                    .when(new ConfirmUpload(IMAGE, 829_183L, "b".repeat(64), EXPIRES.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.UPLOAD_ALREADY_CONFIRMED));
        }

        @Test
        void bytes_the_gallery_already_has_are_a_duplicate_naming_the_existing_image() {
            UUID existing = UUID.randomUUID();
            images.with(existing, GALLERY, SHA);
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectException(Rejections.duplicateOf(existing));
        }

        @Test
        void the_same_bytes_in_another_gallery_are_no_duplicate() {
            images.with(UUID.randomUUID(), OTHER_GALLERY, SHA);
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectEvents(confirmed);
        }

        @Test
        void an_expired_upload_stays_expired() {
            fixture.given(requested, new UploadExpired(IMAGE, GALLERY, KEY))
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectException(rejected(ErrorCode.UPLOAD_EXPIRED));
        }

        @Test
        void nobody_else_confirms_it() {
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void an_upload_into_a_gallery_deleted_meanwhile_cannot_be_confirmed() {
            galleries.delete(GALLERY);
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
        }
    }

    @Nested
    class AlternativeText {

        @Test
        void the_owner_describes_the_image() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "A yellow tram", owner))
                    .expectEvents(new ImageAltChanged(IMAGE, GALLERY, "A yellow tram"));
        }

        @Test
        void a_blank_text_removes_it() {
            fixture.given(requested, confirmed, new ImageAltChanged(IMAGE, GALLERY, "A yellow tram"))
                    .when(new ChangeImageAlt(IMAGE, GALLERY, " ", owner))
                    .expectEvents(new ImageAltChanged(IMAGE, GALLERY, null));
        }

        @Test
        void the_same_text_again_records_nothing() {
            fixture.given(requested, confirmed, new ImageAltChanged(IMAGE, GALLERY, "A yellow tram"))
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "A yellow tram", owner))
                    .expectNoEvents();
        }

        @Test
        void at_most_200_characters() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "x".repeat(201), owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "alt"));
        }

        @Test
        void an_upload_not_yet_confirmed_is_no_image_yet() {
            fixture.given(requested)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "Too early", owner))
                    .expectException(rejected(ErrorCode.IMAGE_NOT_FOUND));
        }

        @Test
        void the_image_is_addressed_through_its_own_gallery() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageAlt(IMAGE, OTHER_GALLERY, "Wrong door", owner))
                    .expectException(rejected(ErrorCode.IMAGE_NOT_FOUND));
        }

        @Test
        void nobody_else_describes_it() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "Mine", stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }
    }

    /** Members of the gallery, as the gallery's lookup knows them: what each role may do to an image. */
    @Nested
    class Tags {

        final UUID contributorId = UUID.randomUUID();

        @Test
        void tags_are_kept_lower_cased_trimmed_and_each_once() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of(" Sea ", "lisbon", "SEA"), owner))
                    .expectEvents(new ImageTagsChanged(
                            IMAGE, GALLERY, List.of("sea", "lisbon"), List.of("sea", "lisbon"), List.of()));
        }

        @Test
        void the_event_says_what_was_added_and_removed() {
            fixture.given(requested, confirmed, tagged("sea", "lisbon"))
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("lisbon", "tram"), owner))
                    .expectEvents(new ImageTagsChanged(
                            IMAGE, GALLERY, List.of("lisbon", "tram"), List.of("tram"), List.of("sea")));
        }

        @Test
        void the_same_tags_in_another_order_record_nothing() {
            fixture.given(requested, confirmed, tagged("sea", "lisbon"))
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("LISBON", "sea"), owner))
                    .expectNoEvents();
        }

        @Test
        void an_empty_list_removes_them_all() {
            fixture.given(requested, confirmed, tagged("sea"))
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of(), owner))
                    .expectEvents(new ImageTagsChanged(IMAGE, GALLERY, List.of(), List.of(), List.of("sea")));
        }

        @Test
        void at_most_50_tags_of_64_characters_none_blank() {
            List<String> many = IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList();
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, many, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "tags"));
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("ok", "x".repeat(65)), owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "tags[1]"));
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("  "), owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "tags[0]"));
        }

        @Test
        void only_those_who_may_change_the_image_tag_it() {
            galleries.withMember(GALLERY, contributorId, GalleryRole.CONTRIBUTOR);
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("sea"), stranger))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(requested, confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("sea"), Actor.user(contributorId)))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(uploadedBy(contributorId), confirmed)
                    .when(new ChangeImageTags(IMAGE, GALLERY, List.of("sea"), Actor.user(contributorId)))
                    .expectEvents(new ImageTagsChanged(IMAGE, GALLERY, List.of("sea"), List.of("sea"), List.of()));
        }

        ImageTagsChanged tagged(String... tags) {
            return new ImageTagsChanged(IMAGE, GALLERY, List.of(tags), List.of(tags), List.of());
        }
    }

    @Nested
    class Members {

        final UUID contributorId = UUID.randomUUID();
        final Actor contributor = Actor.user(contributorId);
        final Actor otherContributor = Actor.user(UUID.randomUUID());
        final Actor editor = Actor.user(UUID.randomUUID());
        final Actor viewer = Actor.user(UUID.randomUUID());

        @BeforeEach
        void shareTheGallery() {
            galleries
                    .withMember(GALLERY, contributorId, GalleryRole.CONTRIBUTOR)
                    .withMember(GALLERY, otherContributor.userId(), GalleryRole.CONTRIBUTOR)
                    .withMember(GALLERY, editor.userId(), GalleryRole.EDITOR)
                    .withMember(GALLERY, viewer.userId(), GalleryRole.VIEWER);
        }

        @Test
        void a_contributor_uploads_and_is_recorded_as_the_uploader() {
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 829_183, contributor))
                    .expectEvents(uploadedBy(contributorId));
        }

        @Test
        void a_viewer_does_not_upload() {
            fixture.givenNoPriorActivity()
                    .when(request("image/jpeg", 829_183, viewer))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_contributor_describes_and_deletes_their_own_image() {
            fixture.given(uploadedBy(contributorId), confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "Our tram", contributor))
                    .expectEvents(new ImageAltChanged(IMAGE, GALLERY, "Our tram"));
            fixture.given(uploadedBy(contributorId), confirmed)
                    .when(new DeleteImage(IMAGE, GALLERY, contributor))
                    .expectEvents(new ImageDeleted(IMAGE, GALLERY));
        }

        @Test
        void a_contributor_leaves_the_images_of_others_alone() {
            fixture.given(requested, confirmed)
                    .when(new DeleteImage(IMAGE, GALLERY, contributor))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(uploadedBy(contributorId), confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "Mine now", otherContributor))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_contributor_confirms_their_own_upload_only() {
            fixture.given(uploadedBy(contributorId))
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), contributor))
                    .expectSuccessfulHandlerExecution();
            fixture.given(requested)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), contributor))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void an_editor_changes_every_image() {
            fixture.given(uploadedBy(contributorId), confirmed)
                    .when(new DeleteImage(IMAGE, GALLERY, editor))
                    .expectEvents(new ImageDeleted(IMAGE, GALLERY));
        }

        @Test
        void a_viewer_changes_no_image() {
            fixture.given(requested, confirmed)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "Seen", viewer))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Deleting {

        @Test
        void the_owner_deletes_the_image() {
            fixture.given(requested, confirmed)
                    .when(new DeleteImage(IMAGE, GALLERY, owner))
                    .expectEvents(new ImageDeleted(IMAGE, GALLERY));
        }

        @Test
        void an_unconfirmed_upload_may_be_abandoned() {
            fixture.given(requested)
                    .when(new DeleteImage(IMAGE, GALLERY, owner))
                    .expectEvents(new ImageDeleted(IMAGE, GALLERY));
        }

        @Test
        void nobody_else_deletes_it() {
            fixture.given(requested, confirmed)
                    .when(new DeleteImage(IMAGE, GALLERY, stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_deleted_image_takes_no_further_commands() {
            var deleted = new ImageDeleted(IMAGE, GALLERY);
            fixture.given(requested, confirmed, deleted)
                    .when(new DeleteImage(IMAGE, GALLERY, owner))
                    .expectException(rejected(ErrorCode.IMAGE_DELETED));
            fixture.given(requested, confirmed, deleted)
                    .when(new ChangeImageAlt(IMAGE, GALLERY, "x", owner))
                    .expectException(rejected(ErrorCode.IMAGE_DELETED));
            fixture.given(requested, deleted)
                    .when(confirm(829_183L, EXPIRES.minusSeconds(1), owner))
                    .expectException(rejected(ErrorCode.IMAGE_DELETED));
        }
    }
}
