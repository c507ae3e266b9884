package dev.vitrine.api.integration;

import java.util.UUID;

/** The data of an integration event: ids and public facts, never a signed URL or an object key. */
public sealed interface IntegrationData
        permits GalleryCreatedV1,
                GalleryUpdatedV1,
                GalleryVisibilityChangedV1,
                GalleryDeletedV1,
                GalleryMemberV1,
                UploadRequestedV1,
                ImagePublishedV1,
                VariantGeneratedV1,
                ImageRejectedV1,
                ImageDeletedV1,
                ImageTagsChangedV1,
                ShareLinkCreatedV1,
                ShareLinkChangedV1 {

    UUID galleryId();
}
