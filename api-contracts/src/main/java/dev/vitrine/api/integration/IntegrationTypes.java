package dev.vitrine.api.integration;

import java.util.List;
import java.util.Map;

/** The CloudEvents types Vitrine publishes, and the data record of each. */
public final class IntegrationTypes {

    public static final String PREFIX = "dev.vitrine.";
    public static final String GALLERY_CREATED = PREFIX + "gallery.created.v1";
    public static final String GALLERY_UPDATED = PREFIX + "gallery.updated.v1";
    public static final String GALLERY_VISIBILITY_CHANGED = PREFIX + "gallery.visibility-changed.v1";
    public static final String GALLERY_DELETED = PREFIX + "gallery.deleted.v1";
    public static final String MEMBER_ADDED = PREFIX + "gallery.member-added.v1";
    public static final String MEMBER_ROLE_CHANGED = PREFIX + "gallery.member-role-changed.v1";
    public static final String MEMBER_REMOVED = PREFIX + "gallery.member-removed.v1";
    public static final String UPLOAD_REQUESTED = PREFIX + "image.upload-requested.v1";
    public static final String IMAGE_PUBLISHED = PREFIX + "image.published.v1";
    public static final String VARIANT_GENERATED = PREFIX + "image.variant-generated.v1";
    public static final String IMAGE_REJECTED = PREFIX + "image.rejected.v1";
    public static final String IMAGE_DELETED = PREFIX + "image.deleted.v1";
    public static final String IMAGE_TAGS_CHANGED = PREFIX + "image.tags-changed.v1";
    public static final String SHARE_LINK_CREATED = PREFIX + "share-link.created.v1";
    public static final String SHARE_LINK_REVOKED = PREFIX + "share-link.revoked.v1";
    public static final String SHARE_LINK_EXPIRED = PREFIX + "share-link.expired.v1";
    public static final String SHARE_LINK_OPENED = PREFIX + "share-link.opened.v1";

    public static final Map<String, Class<? extends IntegrationData>> DATA = Map.ofEntries(
            Map.entry(GALLERY_CREATED, GalleryCreatedV1.class),
            Map.entry(GALLERY_UPDATED, GalleryUpdatedV1.class),
            Map.entry(GALLERY_VISIBILITY_CHANGED, GalleryVisibilityChangedV1.class),
            Map.entry(GALLERY_DELETED, GalleryDeletedV1.class),
            Map.entry(UPLOAD_REQUESTED, UploadRequestedV1.class),
            Map.entry(IMAGE_PUBLISHED, ImagePublishedV1.class),
            Map.entry(VARIANT_GENERATED, VariantGeneratedV1.class),
            Map.entry(IMAGE_REJECTED, ImageRejectedV1.class),
            Map.entry(IMAGE_DELETED, ImageDeletedV1.class),
            Map.entry(IMAGE_TAGS_CHANGED, ImageTagsChangedV1.class),
            Map.entry(MEMBER_ADDED, GalleryMemberV1.class),
            Map.entry(MEMBER_ROLE_CHANGED, GalleryMemberV1.class),
            Map.entry(MEMBER_REMOVED, GalleryMemberV1.class),
            Map.entry(SHARE_LINK_CREATED, ShareLinkCreatedV1.class),
            Map.entry(SHARE_LINK_REVOKED, ShareLinkChangedV1.class),
            Map.entry(SHARE_LINK_EXPIRED, ShareLinkChangedV1.class),
            Map.entry(SHARE_LINK_OPENED, ShareLinkChangedV1.class));

    public static final List<String> ALL = DATA.keySet().stream().sorted().toList();

    private IntegrationTypes() {}

    public static Class<? extends IntegrationData> dataOf(String type) {
        Class<? extends IntegrationData> data = DATA.get(type);
        if (data == null) {
            throw new IllegalArgumentException("no such event type: " + type);
        }
        return data;
    }
}
