package dev.vitrine.command.image;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import java.util.UUID;

/** What must be in storage before an upload can be confirmed: something, and exactly as many bytes as declared. */
final class UploadCheck {

    private UploadCheck() {}

    static void requireStoredAsDeclared(UUID imageId, long declaredSize, Long storedSize) {
        if (storedSize == null) {
            throw RejectedException.of(
                    ErrorCode.UPLOAD_MISSING,
                    "nothing has been uploaded for upload " + imageId
                            + " yet: PUT the file to its presigned URL first");
        }
        if (storedSize != declaredSize) {
            throw new RejectedException(
                    ErrorCode.SIZE_MISMATCH,
                    "size",
                    declaredSize + " bytes were declared but " + storedSize + " are stored");
        }
    }
}
