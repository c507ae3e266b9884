package dev.vitrine.command.upload;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.image.UploadRules;
import dev.vitrine.api.image.command.ConfirmUpload;
import dev.vitrine.api.image.command.RequestUpload;
import dev.vitrine.api.image.http.PresignedUpload;
import dev.vitrine.api.image.http.UploadRequest;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.command.gallery.GalleryAccess;
import dev.vitrine.command.lookup.ImageLookup;
import dev.vitrine.command.lookup.ImageLookup.RequestedUpload;
import dev.vitrine.command.storage.UploadStorage;
import dev.vitrine.command.storage.UploadStorage.StoredObject;
import dev.vitrine.command.web.CommandSender;
import dev.vitrine.command.web.Locations;
import dev.vitrine.command.web.ReadModel;
import dev.vitrine.command.web.WriteAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Uploads go straight to object storage: the client asks for a presigned PUT, sends its file there, then
 * confirms. On confirmation Vitrine reads the stored bytes back itself (size and SHA-256) before it believes them.
 */
@RestController
@RequestMapping("/api/uploads")
@Tag(name = "Uploads")
class UploadController {

    private final CommandSender commands;
    private final ReadModel reads;
    private final ImageLookup lookup;
    private final GalleryAccess galleries;
    private final UploadStorage storage;
    private final UploadProperties properties;
    private final Clock clock;

    UploadController(
            CommandSender commands,
            ReadModel reads,
            ImageLookup lookup,
            GalleryAccess galleries,
            UploadStorage storage,
            UploadProperties properties,
            Clock clock) {
        this.commands = commands;
        this.reads = reads;
        this.lookup = lookup;
        this.galleries = galleries;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Reserve an upload and get a presigned PUT URL for the file")
    @ApiResponse(responseCode = "201", description = "Reserved", useReturnTypeSchema = true)
    Mono<ResponseEntity<PresignedUpload>> request(@Valid @RequestBody UploadRequest body, Caller caller) {
        UUID imageId = UUID.randomUUID();
        String key = UploadRules.originalKey(body.galleryId(), imageId);
        var put = storage.presignPut(key, body.contentType(), body.size(), properties.urlValidity());
        var command = new RequestUpload(
                imageId,
                body.galleryId(),
                body.filename(),
                body.contentType(),
                body.size(),
                key,
                put.expiresAt(),
                caller.actor());
        return reads.requireGallery(body.galleryId(), caller.actor(), "galleryId")
                .then(commands.send(command, caller))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .body(new PresignedUpload(
                                imageId, put.url().toString(), "PUT", put.headers(), put.expiresAt())));
    }

    @PostMapping("/{uploadId}/confirm")
    @Operation(summary = "Confirm that the file is uploaded; the image then goes to processing")
    @ApiResponse(
            responseCode = "202",
            description = "Confirmed: the image is processing (without a body when the read model had not caught up "
                    + "within the wait: read it at Location)",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ImageView>> confirm(@PathVariable UUID uploadId, Caller caller) {
        return Mono.fromCallable(() -> lookup.findUpload(uploadId)
                        .filter(upload -> mayConfirm(upload, caller))
                        .orElseThrow(() -> RejectedException.of(ErrorCode.UPLOAD_NOT_FOUND, "no upload " + uploadId)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(upload -> storage.inspect(upload.objectKey())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> commands.<Long>send(confirmation(uploadId, stored, caller), caller))
                        .onErrorResume(
                                RejectedException.class, rejected -> discardDuplicate(upload.objectKey(), rejected))
                        .flatMap(version -> confirmed(upload.galleryId(), uploadId, caller, version)));
    }

    /** The image as the read model shows it once it caught up with the confirmation. */
    private Mono<ResponseEntity<ImageView>> confirmed(UUID galleryId, UUID imageId, Caller caller, long version) {
        return WriteAnswer.of(
                reads.imageAfter(galleryId, imageId, caller, version),
                HttpStatus.ACCEPTED,
                Locations.image(galleryId, imageId));
    }

    /**
     * Whether the caller may confirm this upload, asked before its file is read (up to 50 MB hashed): whoever may
     * add images to its gallery. Anyone else is told there is no such upload, as for a private gallery.
     */
    private boolean mayConfirm(RequestedUpload upload, Caller caller) {
        try {
            galleries.of(upload.galleryId(), caller.actor()).requireUploadBy(caller.actor());
            return true;
        } catch (RejectedException refused) {
            if (refused.code() == ErrorCode.GALLERY_DELETED) {
                throw refused;
            }
            return false;
        }
    }

    /** A duplicate stores nothing new: its bytes are removed at once (the upload itself then expires). */
    private Mono<Long> discardDuplicate(String objectKey, RejectedException rejected) {
        Mono<Void> discard = rejected.code() == ErrorCode.DUPLICATE_IMAGE ? storage.deleteAll(objectKey) : Mono.empty();
        return discard.then(Mono.error(rejected));
    }

    private ConfirmUpload confirmation(UUID uploadId, Optional<StoredObject> stored, Caller caller) {
        return new ConfirmUpload(
                uploadId,
                stored.map(StoredObject::size).orElse(null),
                stored.map(StoredObject::sha256).orElse(null),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                caller.actor());
    }
}
