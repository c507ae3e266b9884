package dev.vitrine.command.gallery;

import static dev.vitrine.api.gallery.Visibility.PRIVATE;
import static dev.vitrine.api.gallery.Visibility.PUBLIC;
import static dev.vitrine.api.gallery.Visibility.UNLISTED;
import static dev.vitrine.command.Rejections.rejected;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.GalleryRules;
import dev.vitrine.api.gallery.command.CreateGallery;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.command.GrantGalleryRole;
import dev.vitrine.api.gallery.command.OfferGalleryCover;
import dev.vitrine.api.gallery.command.RemoveMember;
import dev.vitrine.api.gallery.command.UpdateGallery;
import dev.vitrine.api.gallery.command.WithdrawGalleryCover;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryLocationsHidden;
import dev.vitrine.api.gallery.event.GalleryLocationsShown;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.command.KnownImages;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GalleryTest {

    static final UUID GALLERY = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final Actor owner = Actor.user(OWNER);
    static final Actor stranger = Actor.user(UUID.randomUUID());
    static final Actor admin = new Actor(UUID.randomUUID(), true);
    static final UUID IMAGE_IN_GALLERY = UUID.randomUUID();
    static final UUID IMAGE_ELSEWHERE = UUID.randomUUID();

    static final GalleryCreated created = new GalleryCreated(GALLERY, OWNER, "Lisbon", "Trams", PUBLIC);

    AggregateTestFixture<Gallery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gallery.class);
        fixture.registerInjectableResource(new KnownImages().with(IMAGE_IN_GALLERY, GALLERY, "a".repeat(64)));
    }

    @Nested
    class Creating {

        @Test
        void a_signed_in_user_creates_a_gallery_they_own() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "Lisbon", "Trams", PUBLIC, owner))
                    .expectEvents(created);
        }

        @Test
        void the_name_is_trimmed_a_blank_description_is_none_and_visibility_defaults_to_private() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "  Lisbon ", "   ", null, owner))
                    .expectEvents(new GalleryCreated(GALLERY, OWNER, "Lisbon", null, PRIVATE));
        }

        @Test
        void anonymous_visitors_cannot_create_galleries() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "Lisbon", null, PUBLIC, Actor.anonymous()))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void the_name_must_not_be_blank() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "   ", null, PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
        }

        @Test
        void the_name_has_at_most_100_characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "x".repeat(101), null, PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "x".repeat(100), null, PUBLIC, owner))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_description_has_at_most_500_characters() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "Lisbon", "x".repeat(501), PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "description"));
        }

        @Test
        void a_name_is_one_line_of_text_and_a_description_has_no_control_characters_but_line_breaks_and_tabs() {
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "tab\u0000le", null, PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "two\nlines", null, PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "Lisbon", "nul \u0000 inside", PUBLIC, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "description"));
            fixture.givenNoPriorActivity()
                    .when(new CreateGallery(GALLERY, "Lisbon", "Day one\n\tDay two", PUBLIC, owner))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class ChangingDetails {

        @Test
        void the_owner_renames_the_gallery_and_the_event_carries_all_details() {
            fixture.given(created)
                    .when(UpdateGallery.name(GALLERY, "Porto", owner))
                    .expectEvents(new GalleryDetailsChanged(GALLERY, "Porto", "Trams"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void an_empty_description_removes_it() {
            fixture.given(created)
                    .when(new UpdateGallery(GALLERY, null, "", null, null, null, owner))
                    .expectEvents(new GalleryDetailsChanged(GALLERY, "Lisbon", null));
        }

        @Test
        void changing_nothing_records_nothing() {
            fixture.given(created)
                    .when(new UpdateGallery(GALLERY, "Lisbon", "Trams", null, null, null, owner))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void an_administrator_may_change_anyones_gallery() {
            fixture.given(created)
                    .when(UpdateGallery.name(GALLERY, "Moderated", admin))
                    .expectEvents(new GalleryDetailsChanged(GALLERY, "Moderated", "Trams"));
        }

        @Test
        void nobody_else_may_change_it() {
            fixture.given(created)
                    .when(UpdateGallery.name(GALLERY, "Mine now", stranger))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void the_new_name_follows_the_same_rules() {
            fixture.given(created)
                    .when(UpdateGallery.name(GALLERY, "x".repeat(101), owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
            fixture.given(created)
                    .when(new UpdateGallery(GALLERY, null, "x".repeat(501), null, null, null, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "description"));
        }
    }

    @Nested
    class ChangingVisibility {

        @Test
        void the_owner_changes_visibility_and_the_event_says_what_it_was() {
            fixture.given(created)
                    .when(UpdateGallery.visibility(GALLERY, PRIVATE, owner))
                    .expectEvents(new GalleryVisibilityChanged(GALLERY, PRIVATE, PUBLIC));
        }

        @Test
        void the_same_visibility_again_records_nothing() {
            fixture.given(created)
                    .when(UpdateGallery.visibility(GALLERY, PUBLIC, owner))
                    .expectNoEvents();
        }

        @Test
        void nobody_else_may_change_it() {
            fixture.given(created)
                    .when(UpdateGallery.visibility(GALLERY, UNLISTED, stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }
    }

    /** A PATCH is one command: it changes all it asks for, or nothing. */
    @Nested
    class UpdatingSeveralThingsAtOnce {

        @Test
        void name_visibility_and_cover_change_together_in_one_version() {
            fixture.given(created)
                    .when(new UpdateGallery(
                            GALLERY, "Porto", null, PRIVATE, new UpdateGallery.Cover(IMAGE_IN_GALLERY), null, owner))
                    .expectEvents(
                            new GalleryDetailsChanged(GALLERY, "Porto", "Trams"),
                            new GalleryVisibilityChanged(GALLERY, PRIVATE, PUBLIC),
                            new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void a_cover_that_breaks_the_rule_changes_nothing_else_either() {
            fixture.given(created)
                    .when(new UpdateGallery(
                            GALLERY, "Porto", null, PRIVATE, new UpdateGallery.Cover(IMAGE_ELSEWHERE), null, owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.COVER_NOT_IN_GALLERY, "coverImageId"));
        }

        @Test
        void a_name_that_breaks_the_rule_changes_nothing_else_either() {
            fixture.given(created)
                    .when(new UpdateGallery(
                            GALLERY, " ", null, UNLISTED, new UpdateGallery.Cover(IMAGE_IN_GALLERY), null, owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "name"));
        }

        @Test
        void the_owner_shows_where_photos_were_taken_to_everyone_and_hides_it_again() {
            fixture.given(created)
                    .when(new UpdateGallery(GALLERY, null, null, null, null, true, owner))
                    .expectEvents(new GalleryLocationsShown(GALLERY));
            fixture.given(created, new GalleryLocationsShown(GALLERY))
                    .when(new UpdateGallery(GALLERY, null, null, null, null, true, owner))
                    .expectNoEvents();
            fixture.given(created, new GalleryLocationsShown(GALLERY))
                    .when(new UpdateGallery(GALLERY, null, null, null, null, false, owner))
                    .expectEvents(new GalleryLocationsHidden(GALLERY));
        }

        @Test
        void only_what_differs_is_recorded() {
            fixture.given(created)
                    .when(new UpdateGallery(GALLERY, "Lisbon", "Trams", UNLISTED, null, null, owner))
                    .expectEvents(new GalleryVisibilityChanged(GALLERY, UNLISTED, PUBLIC));
        }
    }

    @Nested
    class Cover {

        @Test
        void the_cover_is_an_image_of_this_gallery() {
            fixture.given(created)
                    .when(UpdateGallery.cover(GALLERY, IMAGE_IN_GALLERY, owner))
                    .expectEvents(new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY));
        }

        @Test
        void an_image_of_another_gallery_cannot_be_the_cover() {
            fixture.given(created)
                    .when(UpdateGallery.cover(GALLERY, IMAGE_ELSEWHERE, owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.COVER_NOT_IN_GALLERY, "coverImageId"));
        }

        @Test
        void no_image_removes_the_cover() {
            fixture.given(created, new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .when(UpdateGallery.cover(GALLERY, null, owner))
                    .expectEvents(new GalleryCoverChanged(GALLERY, null));
        }

        @Test
        void setting_the_current_cover_again_records_nothing() {
            fixture.given(created, new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .when(UpdateGallery.cover(GALLERY, IMAGE_IN_GALLERY, owner))
                    .expectNoEvents();
        }

        @Test
        void the_first_published_image_becomes_the_cover_of_a_gallery_without_one() {
            fixture.given(created)
                    .when(new OfferGalleryCover(GALLERY, IMAGE_IN_GALLERY))
                    .expectEvents(new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY));
        }

        @Test
        void a_gallery_with_a_cover_keeps_it_when_more_images_are_published() {
            fixture.given(created, new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .when(new OfferGalleryCover(GALLERY, UUID.randomUUID()))
                    .expectNoEvents();
        }

        @Test
        void an_image_that_disappears_stops_being_the_cover() {
            fixture.given(created, new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .when(new WithdrawGalleryCover(GALLERY, IMAGE_IN_GALLERY))
                    .expectEvents(new GalleryCoverChanged(GALLERY, null));
        }

        @Test
        void another_image_disappearing_leaves_the_cover_alone() {
            fixture.given(created, new GalleryCoverChanged(GALLERY, IMAGE_IN_GALLERY))
                    .when(new WithdrawGalleryCover(GALLERY, UUID.randomUUID()))
                    .expectNoEvents();
        }

        @Test
        void nobody_else_may_choose_it() {
            fixture.given(created)
                    .when(UpdateGallery.cover(GALLERY, IMAGE_IN_GALLERY, stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Members {

        final UUID memberId = UUID.randomUUID();
        final Actor member = Actor.user(memberId);
        final UUID editorId = UUID.randomUUID();
        final Actor editor = Actor.user(editorId);
        final MemberAdded joined = new MemberAdded(GALLERY, memberId, "ana", GalleryRole.CONTRIBUTOR);
        final MemberAdded editorJoined = new MemberAdded(GALLERY, editorId, "eli", GalleryRole.EDITOR);

        @Test
        void the_owner_shares_the_gallery_with_an_account_at_once() {
            fixture.given(created)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.CONTRIBUTOR, owner))
                    .expectEvents(joined);
        }

        @Test
        void granting_another_role_changes_it_and_says_what_it_was() {
            fixture.given(created, joined)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.VIEWER, owner))
                    .expectEvents(
                            new MemberRoleChanged(GALLERY, memberId, GalleryRole.VIEWER, GalleryRole.CONTRIBUTOR));
        }

        @Test
        void granting_the_same_role_again_records_nothing() {
            fixture.given(created, joined)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.CONTRIBUTOR, owner))
                    .expectNoEvents();
        }

        @Test
        void only_the_owner_chooses_members_not_even_an_editor() {
            fixture.given(created, editorJoined)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.VIEWER, editor))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(created)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.VIEWER, stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void nobody_is_made_an_owner_and_the_owner_is_no_member() {
            fixture.given(created)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.OWNER, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "role"));
            fixture.given(created)
                    .when(new GrantGalleryRole(GALLERY, OWNER, "me", GalleryRole.EDITOR, owner))
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "username"));
        }

        @Test
        void a_gallery_has_at_most_100_members() {
            Object[] hundred = new Object[GalleryRules.MEMBERS_MAX + 1];
            hundred[0] = created;
            for (int i = 1; i < hundred.length; i++) {
                hundred[i] = new MemberAdded(GALLERY, UUID.randomUUID(), "m" + i, GalleryRole.VIEWER);
            }
            fixture.given(hundred)
                    .when(new GrantGalleryRole(GALLERY, memberId, "ana", GalleryRole.VIEWER, owner))
                    .expectException(rejected(ErrorCode.MEMBER_LIMIT_REACHED));
        }

        @Test
        void the_owner_removes_a_member_and_a_member_leaves() {
            fixture.given(created, joined)
                    .when(new RemoveMember(GALLERY, memberId, owner))
                    .expectEvents(new MemberRemoved(GALLERY, memberId, GalleryRole.CONTRIBUTOR));
            fixture.given(created, joined)
                    .when(new RemoveMember(GALLERY, memberId, member))
                    .expectEvents(new MemberRemoved(GALLERY, memberId, GalleryRole.CONTRIBUTOR));
        }

        @Test
        void a_member_removes_nobody_else_and_nobody_is_removed_twice() {
            fixture.given(created, joined, editorJoined)
                    .when(new RemoveMember(GALLERY, editorId, member))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(created)
                    .when(new RemoveMember(GALLERY, memberId, owner))
                    .expectException(rejected(ErrorCode.MEMBER_NOT_FOUND));
        }

        @Test
        void an_editor_renames_the_gallery_but_leaves_its_visibility_to_the_owner() {
            fixture.given(created, editorJoined)
                    .when(UpdateGallery.name(GALLERY, "Porto", editor))
                    .expectEvents(new GalleryDetailsChanged(GALLERY, "Porto", "Trams"));
            fixture.given(created, editorJoined)
                    .when(new UpdateGallery(GALLERY, "Porto", null, PRIVATE, null, null, editor))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(created, editorJoined)
                    .when(new UpdateGallery(GALLERY, "Porto", null, null, null, true, editor))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
            fixture.given(created, editorJoined)
                    .when(new DeleteGallery(GALLERY, editor))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_contributor_does_not_edit_the_gallery() {
            fixture.given(created, joined)
                    .when(UpdateGallery.name(GALLERY, "Porto", member))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class Deleting {

        @Test
        void the_owner_deletes_the_gallery() {
            fixture.given(created)
                    .when(new DeleteGallery(GALLERY, owner))
                    .expectEvents(new GalleryDeleted(GALLERY, OWNER));
        }

        @Test
        void nobody_else_may_delete_it() {
            fixture.given(created)
                    .when(new DeleteGallery(GALLERY, stranger))
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_deleted_gallery_takes_no_further_commands() {
            var deleted = new GalleryDeleted(GALLERY, OWNER);
            fixture.given(created, deleted)
                    .when(UpdateGallery.name(GALLERY, "Back", owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
            fixture.given(created, deleted)
                    .when(UpdateGallery.visibility(GALLERY, PRIVATE, owner))
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
            fixture.given(created, deleted)
                    .when(UpdateGallery.cover(GALLERY, IMAGE_IN_GALLERY, owner))
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
            fixture.given(created, deleted)
                    .when(new DeleteGallery(GALLERY, owner))
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
        }
    }
}
