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
    public static final String UPLOAD_REQUESTED = PREFIX + "image.upload-requested.v1";
    public static final String IMAGE_PUBLISHED = PREFIX + "image.published.v1";
    public static final String VARIANT_GENERATED = PREFIX + "image.variant-generated.v1";
    public static final String IMAGE_REJECTED = PREFIX + "image.rejected.v1";
    public static final String IMAGE_DELETED = PREFIX + "image.deleted.v1";

    public static final Map<String, Class<? extends IntegrationData>> DATA = Map.of(
            GALLERY_CREATED, GalleryCreatedV1.class,
            GALLERY_UPDATED, GalleryUpdatedV1.class,
            GALLERY_VISIBILITY_CHANGED, GalleryVisibilityChangedV1.class,
            GALLERY_DELETED, GalleryDeletedV1.class,
            UPLOAD_REQUESTED, UploadRequestedV1.class,
            IMAGE_PUBLISHED, ImagePublishedV1.class,
            VARIANT_GENERATED, VariantGeneratedV1.class,
            IMAGE_REJECTED, ImageRejectedV1.class,
            IMAGE_DELETED, ImageDeletedV1.class);

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
