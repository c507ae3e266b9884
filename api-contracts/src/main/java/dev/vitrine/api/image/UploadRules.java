package dev.vitrine.api.image;

import java.util.UUID;
import java.util.regex.Pattern;

/** What Vitrine accepts as an upload. */
public final class UploadRules {

    public static final String CONTENT_TYPE_PATTERN = "image/(jpeg|png|gif|webp|heic|avif)";
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int FILENAME_MAX = 255;
    public static final int ALT_MAX = 200;

    private static final Pattern CONTENT_TYPE = Pattern.compile(CONTENT_TYPE_PATTERN);

    private UploadRules() {}

    public static boolean isAcceptedContentType(String contentType) {
        return contentType != null && CONTENT_TYPE.matcher(contentType).matches();
    }

    /** Where the original of an image is stored; everything of a gallery lives under "{galleryId}/". */
    public static String originalKey(UUID galleryId, UUID imageId) {
        return imagePrefix(galleryId, imageId) + "original";
    }

    /** Everything stored for one image. */
    public static String imagePrefix(UUID galleryId, UUID imageId) {
        return galleryId + "/" + imageId + "/";
    }

    /**
     * The variants of one processing generation live under their own prefix, each named by a hash of its bytes
     * ("{size}-{hash}.{format}"): a reprocessed variant never reuses an old URL.
     */
    public static String variantPrefix(UUID galleryId, UUID imageId, int generation) {
        return imagePrefix(galleryId, imageId) + "g" + generation + "/";
    }
}
