package dev.vitrine.command.sharing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.sharing.SharingRules;
import dev.vitrine.api.sharing.command.CreateShareLink;
import dev.vitrine.api.sharing.command.RecordShareLinkOpened;
import dev.vitrine.api.sharing.command.RevokeShareLink;
import dev.vitrine.api.sharing.event.ShareLinkCreated;
import dev.vitrine.api.sharing.event.ShareLinkExpired;
import dev.vitrine.api.sharing.event.ShareLinkOpened;
import dev.vitrine.api.sharing.event.ShareLinkRevoked;
import dev.vitrine.command.gallery.GalleryAccess;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A link that opens one gallery to whoever holds its token. Made and revoked by its owner and editors (asked
 * of the gallery lookup, never of the Gallery aggregate: a link is no reason to lock the gallery); it expires at its
 * expiry, once, and a revoked or expired link never opens again. To anyone who may not manage its gallery a link
 * does not exist.
 */
@Aggregate
public class ShareLink {

    static final String EXPIRY = "share-link-expiry";

    @AggregateIdentifier
    private UUID id;

    private UUID galleryId;
    private Instant expiresAt;
    private boolean revoked;
    private boolean expired;

    /** The expiry deadline's payload. */
    record ExpiryDue(UUID linkId) {}

    protected ShareLink() {
        // for event sourcing
    }

    @CommandHandler
    public ShareLink(CreateShareLink command, GalleryAccess galleries, DeadlineManager deadlines) {
        galleries.of(command.galleryId(), command.by()).requireEditableBy(command.by());
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.createdAt())) {
            throw RejectedException.invalid("expiresAt", "must be in the future");
        }
        if (command.label() != null && command.label().length() > SharingRules.LABEL_MAX) {
            throw RejectedException.invalid("label", "must be at most " + SharingRules.LABEL_MAX + " characters");
        }
        apply(new ShareLinkCreated(
                command.linkId(),
                command.galleryId(),
                command.tokenHash(),
                command.passwordHash(),
                command.expiresAt(),
                command.label()));
        if (command.expiresAt() != null) {
            deadlines.schedule(command.expiresAt(), EXPIRY, new ExpiryDue(command.linkId()));
        }
    }

    /** Revoking a link that no longer opens anything changes nothing (and says so by answering as done). */
    @CommandHandler
    public void handle(RevokeShareLink command, GalleryAccess galleries) {
        try {
            galleries.of(galleryId, command.by()).requireEditableBy(command.by());
        } catch (RejectedException notTheirs) {
            if (notTheirs.code() == ErrorCode.FORBIDDEN) {
                throw RejectedException.of(ErrorCode.SHARE_LINK_NOT_FOUND, "no share link " + id);
            }
            throw notTheirs;
        }
        if (!revoked) {
            apply(new ShareLinkRevoked(id, galleryId));
        }
    }

    @CommandHandler
    public void handle(RecordShareLinkOpened command) {
        if (opens(Instant.now())) {
            apply(new ShareLinkOpened(id, galleryId));
        }
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void on(ExpiryDue due) {
        if (!revoked && !expired) {
            apply(new ShareLinkExpired(id, galleryId));
        }
    }

    private boolean opens(Instant at) {
        return !revoked && !expired && (expiresAt == null || at.isBefore(expiresAt));
    }

    @EventSourcingHandler
    void on(ShareLinkCreated event) {
        id = event.linkId();
        galleryId = event.galleryId();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ShareLinkRevoked event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(ShareLinkExpired event) {
        expired = true;
    }
}
