package dev.vitrine.eventlog.log;

import static dev.vitrine.api.integration.IntegrationTypes.GALLERY_CREATED;
import static dev.vitrine.api.integration.IntegrationTypes.GALLERY_DELETED;
import static dev.vitrine.api.integration.IntegrationTypes.GALLERY_UPDATED;
import static dev.vitrine.api.integration.IntegrationTypes.GALLERY_VISIBILITY_CHANGED;
import static dev.vitrine.api.integration.IntegrationTypes.IMAGE_DELETED;
import static dev.vitrine.api.integration.IntegrationTypes.IMAGE_PUBLISHED;
import static dev.vitrine.api.integration.IntegrationTypes.IMAGE_REJECTED;
import static dev.vitrine.api.integration.IntegrationTypes.IMAGE_TAGS_CHANGED;
import static dev.vitrine.api.integration.IntegrationTypes.MEMBER_ADDED;
import static dev.vitrine.api.integration.IntegrationTypes.MEMBER_REMOVED;
import static dev.vitrine.api.integration.IntegrationTypes.MEMBER_ROLE_CHANGED;
import static dev.vitrine.api.integration.IntegrationTypes.SHARE_LINK_CREATED;
import static dev.vitrine.api.integration.IntegrationTypes.SHARE_LINK_EXPIRED;
import static dev.vitrine.api.integration.IntegrationTypes.SHARE_LINK_OPENED;
import static dev.vitrine.api.integration.IntegrationTypes.SHARE_LINK_REVOKED;
import static dev.vitrine.api.integration.IntegrationTypes.UPLOAD_REQUESTED;
import static dev.vitrine.api.integration.IntegrationTypes.VARIANT_GENERATED;

import dev.vitrine.api.GalleryEvent;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.gallery.event.MemberAdded;
import dev.vitrine.api.gallery.event.MemberRemoved;
import dev.vitrine.api.gallery.event.MemberRoleChanged;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.api.integration.GalleryCreatedV1;
import dev.vitrine.api.integration.GalleryDeletedV1;
import dev.vitrine.api.integration.GalleryMemberV1;
import dev.vitrine.api.integration.GalleryUpdatedV1;
import dev.vitrine.api.integration.GalleryVisibilityChangedV1;
import dev.vitrine.api.integration.ImageDeletedV1;
import dev.vitrine.api.integration.ImagePublishedV1;
import dev.vitrine.api.integration.ImageRejectedV1;
import dev.vitrine.api.integration.ImageTagsChangedV1;
import dev.vitrine.api.integration.IntegrationData;
import dev.vitrine.api.integration.ShareLinkChangedV1;
import dev.vitrine.api.integration.ShareLinkCreatedV1;
import dev.vitrine.api.integration.UploadRequestedV1;
import dev.vitrine.api.integration.VariantGeneratedV1;
import dev.vitrine.api.sharing.event.ShareLinkCreated;
import dev.vitrine.api.sharing.event.ShareLinkExpired;
import dev.vitrine.api.sharing.event.ShareLinkOpened;
import dev.vitrine.api.sharing.event.ShareLinkRevoked;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What integrators are told of an internal event: its public type and data, translated here so that the internal
 * event classes can change without integrators noticing. Events with no public meaning (processing attempts,
 * confirmations, analysis) are logged for auditors but published to nobody.
 */
final class PublicEvents {

    record Published(String type, String subject, IntegrationData data) {}

    private final UnaryOperator<String> publicMedia;

    /** @param publicMedia the absolute URL of a public variant, by its object key */
    PublicEvents(UnaryOperator<String> publicMedia) {
        this.publicMedia = publicMedia;
    }

    /** @param visibility the gallery's visibility when the event happened */
    Optional<Published> of(GalleryEvent event, Visibility visibility) {
        String gallery = "galleries/" + event.galleryId();
        return Optional.ofNullable(
                switch (event) {
                    case GalleryCreated e ->
                        new Published(
                                GALLERY_CREATED,
                                gallery,
                                new GalleryCreatedV1(
                                        e.galleryId(), e.ownerId(), e.name(), e.description(), e.visibility()));
                    case GalleryDetailsChanged e ->
                        new Published(
                                GALLERY_UPDATED,
                                gallery,
                                new GalleryUpdatedV1(
                                        e.galleryId(),
                                        List.of("name", "description"),
                                        e.name(),
                                        e.description(),
                                        null));
                    case GalleryCoverChanged e ->
                        new Published(
                                GALLERY_UPDATED,
                                gallery,
                                new GalleryUpdatedV1(
                                        e.galleryId(), List.of("coverImageId"), null, null, e.coverImageId()));
                    case GalleryVisibilityChanged e ->
                        new Published(
                                GALLERY_VISIBILITY_CHANGED,
                                gallery,
                                new GalleryVisibilityChangedV1(e.galleryId(), e.visibility(), e.previousVisibility()));
                    case GalleryDeleted e ->
                        new Published(GALLERY_DELETED, gallery, new GalleryDeletedV1(e.galleryId()));
                    case MemberAdded e ->
                        new Published(
                                MEMBER_ADDED,
                                gallery,
                                new GalleryMemberV1(e.galleryId(), e.memberId(), e.role(), null));
                    case MemberRoleChanged e ->
                        new Published(
                                MEMBER_ROLE_CHANGED,
                                gallery,
                                new GalleryMemberV1(e.galleryId(), e.memberId(), e.role(), e.previousRole()));
                    case MemberRemoved e ->
                        new Published(
                                MEMBER_REMOVED,
                                gallery,
                                new GalleryMemberV1(e.galleryId(), e.memberId(), null, e.previousRole()));
                    case UploadRequested e ->
                        new Published(
                                UPLOAD_REQUESTED,
                                image(e.galleryId(), e.imageId()),
                                new UploadRequestedV1(
                                        e.imageId(),
                                        e.galleryId(),
                                        e.ownerId(),
                                        e.filename(),
                                        e.contentType(),
                                        e.size(),
                                        e.expiresAt()));
                    case ImagePublished e ->
                        new Published(
                                IMAGE_PUBLISHED,
                                image(e.galleryId(), e.imageId()),
                                new ImagePublishedV1(e.imageId(), e.galleryId(), e.generation()));
                    case VariantGenerated e ->
                        new Published(
                                VARIANT_GENERATED,
                                image(e.galleryId(), e.imageId()),
                                new VariantGeneratedV1(
                                        e.imageId(),
                                        e.galleryId(),
                                        e.generation(),
                                        lower(e.size()),
                                        lower(e.format()),
                                        e.width(),
                                        e.height(),
                                        e.bytes(),
                                        visibility == Visibility.PUBLIC ? publicMedia.apply(e.objectKey()) : null));
                    case ImageRejected e ->
                        new Published(
                                IMAGE_REJECTED,
                                image(e.galleryId(), e.imageId()),
                                new ImageRejectedV1(e.imageId(), e.galleryId(), e.code(), e.message()));
                    case ImageDeleted e ->
                        new Published(
                                IMAGE_DELETED,
                                image(e.galleryId(), e.imageId()),
                                new ImageDeletedV1(e.imageId(), e.galleryId()));
                    case ImageTagsChanged e ->
                        new Published(
                                IMAGE_TAGS_CHANGED,
                                image(e.galleryId(), e.imageId()),
                                new ImageTagsChangedV1(e.imageId(), e.galleryId(), e.tags(), e.added(), e.removed()));
                    case ShareLinkCreated e ->
                        new Published(
                                SHARE_LINK_CREATED,
                                link(e.galleryId(), e.linkId()),
                                new ShareLinkCreatedV1(
                                        e.linkId(), e.galleryId(), e.expiresAt(), e.label(), e.passwordHash() != null));
                    case ShareLinkRevoked e ->
                        new Published(
                                SHARE_LINK_REVOKED,
                                link(e.galleryId(), e.linkId()),
                                new ShareLinkChangedV1(e.linkId(), e.galleryId()));
                    case ShareLinkExpired e ->
                        new Published(
                                SHARE_LINK_EXPIRED,
                                link(e.galleryId(), e.linkId()),
                                new ShareLinkChangedV1(e.linkId(), e.galleryId()));
                    case ShareLinkOpened e ->
                        new Published(
                                SHARE_LINK_OPENED,
                                link(e.galleryId(), e.linkId()),
                                new ShareLinkChangedV1(e.linkId(), e.galleryId()));
                    default -> null;
                });
    }

    private static String link(UUID galleryId, UUID linkId) {
        return "galleries/" + galleryId + "/share-links/" + linkId;
    }

    private static String image(UUID galleryId, UUID imageId) {
        return "galleries/" + galleryId + "/images/" + imageId;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
