package dev.vitrine.command.sharing;

import static dev.vitrine.command.Rejections.rejected;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.sharing.command.CreateShareLink;
import dev.vitrine.api.sharing.command.RecordShareLinkOpened;
import dev.vitrine.api.sharing.command.RevokeShareLink;
import dev.vitrine.api.sharing.event.ShareLinkCreated;
import dev.vitrine.api.sharing.event.ShareLinkExpired;
import dev.vitrine.api.sharing.event.ShareLinkOpened;
import dev.vitrine.api.sharing.event.ShareLinkRevoked;
import dev.vitrine.command.gallery.KnownGalleries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShareLinkTest {

    static final UUID LINK = UUID.randomUUID();
    static final UUID GALLERY = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final Actor owner = Actor.user(OWNER);
    static final Actor stranger = Actor.user(UUID.randomUUID());
    static final Actor admin = new Actor(UUID.randomUUID(), true);
    static final String TOKEN_HASH = "b".repeat(64);

    AggregateTestFixture<ShareLink> fixture;
    KnownGalleries galleries;
    Instant now;

    @BeforeEach
    void setUp() {
        galleries = new KnownGalleries().with(GALLERY, OWNER);
        fixture = new AggregateTestFixture<>(ShareLink.class);
        fixture.registerInjectableResource(galleries);
        now = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }

    CreateShareLink create(Instant expiresAt, Actor by) {
        return new CreateShareLink(LINK, GALLERY, TOKEN_HASH, null, expiresAt, "family", now, by);
    }

    ShareLinkCreated created(Instant expiresAt) {
        return new ShareLinkCreated(LINK, GALLERY, TOKEN_HASH, null, expiresAt, "family");
    }

    @Nested
    class Creating {

        @Test
        void the_owner_shares_a_gallery_until_a_given_instant_and_it_expires_then() {
            Instant expiry = now.plus(Duration.ofDays(30));
            fixture.givenNoPriorActivity()
                    .when(create(expiry, owner))
                    .expectEvents(created(expiry))
                    .expectScheduledDeadlineWithName(expiry, ShareLink.EXPIRY);
        }

        @Test
        void a_link_that_never_expires_schedules_nothing() {
            fixture.givenNoPriorActivity()
                    .when(create(null, admin))
                    .expectEvents(created(null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_stranger_may_not_share_someone_elses_gallery() {
            fixture.givenNoPriorActivity()
                    .when(create(null, stranger))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.FORBIDDEN));
        }

        @Test
        void a_deleted_gallery_is_shared_no_more() {
            galleries.delete(GALLERY);
            fixture.givenNoPriorActivity()
                    .when(create(null, owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.GALLERY_DELETED));
        }

        @Test
        void an_expiry_in_the_past_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(create(now.minusSeconds(1), owner))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.INVALID_FIELD, "expiresAt"));
        }
    }

    @Nested
    class Living {

        @Test
        void the_link_expires_at_its_expiry() {
            Instant expiry = now.plus(Duration.ofHours(1));
            fixture.givenCommands(create(expiry, owner))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new ShareLinkExpired(LINK, GALLERY));
        }

        @Test
        void the_owner_revokes_it_once() {
            fixture.given(created(null))
                    .when(new RevokeShareLink(LINK, owner))
                    .expectEvents(new ShareLinkRevoked(LINK, GALLERY));
            fixture.given(created(null), new ShareLinkRevoked(LINK, GALLERY))
                    .when(new RevokeShareLink(LINK, owner))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void to_a_stranger_the_link_does_not_exist() {
            fixture.given(created(null))
                    .when(new RevokeShareLink(LINK, stranger))
                    .expectNoEvents()
                    .expectException(rejected(ErrorCode.SHARE_LINK_NOT_FOUND));
        }

        @Test
        void a_revoked_link_does_not_expire_and_is_not_opened() {
            Instant expiry = now.plus(Duration.ofHours(1));
            fixture.givenCommands(create(expiry, owner), new RevokeShareLink(LINK, owner))
                    .whenTimeElapses(Duration.ofHours(2))
                    .expectNoEvents();
            fixture.given(created(null), new ShareLinkRevoked(LINK, GALLERY))
                    .when(new RecordShareLinkOpened(LINK))
                    .expectNoEvents();
        }

        @Test
        void an_open_of_a_live_link_is_counted() {
            fixture.given(created(null))
                    .when(new RecordShareLinkOpened(LINK))
                    .expectEvents(new ShareLinkOpened(LINK, GALLERY));
        }
    }
}
