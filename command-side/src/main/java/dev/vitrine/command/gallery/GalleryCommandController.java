package dev.vitrine.command.gallery;

import dev.vitrine.api.gallery.command.CreateGallery;
import dev.vitrine.api.gallery.command.DeleteGallery;
import dev.vitrine.api.gallery.command.UpdateGallery;
import dev.vitrine.api.gallery.http.CreateGalleryRequest;
import dev.vitrine.api.gallery.http.UpdateGalleryRequest;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.command.web.CommandSender;
import dev.vitrine.command.web.Locations;
import dev.vitrine.command.web.ReadModel;
import dev.vitrine.command.web.WriteAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Creating, changing and deleting galleries. Each answer already reflects the change (read-your-writes). */
@RestController
@RequestMapping("/api/galleries")
@Tag(name = "Galleries")
class GalleryCommandController {

    private final CommandSender commands;
    private final ReadModel reads;

    GalleryCommandController(CommandSender commands, ReadModel reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PostMapping
    @Operation(summary = "Create a gallery (private unless visibility says otherwise)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @WriteAnswer.MayAnswerBeforeReadable
    Mono<ResponseEntity<GalleryView>> create(@Valid @RequestBody CreateGalleryRequest body, Caller caller) {
        UUID id = UUID.randomUUID();
        var command =
                new CreateGallery(id, body.name(), body.description(), body.visibilityOrDefault(), caller.actor());
        return WriteAnswer.of(
                commands.send(command, caller).then(reads.galleryAfter(id, caller.actor(), 0)),
                HttpStatus.CREATED,
                Locations.gallery(id));
    }

    @PatchMapping("/{galleryId}")
    @Operation(summary = "Change name, description, visibility or cover; absent fields stay as they are")
    @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
    @WriteAnswer.MayAnswerBeforeReadable
    Mono<ResponseEntity<GalleryView>> update(
            @PathVariable UUID galleryId, @Valid @RequestBody UpdateGalleryRequest body, Caller caller) {
        var actor = caller.actor();
        return WriteAnswer.of(
                reads.requireGallery(galleryId, actor, null)
                        .then(commands.<Long>send(update(galleryId, body, actor), caller))
                        .flatMap(version -> reads.galleryAfter(galleryId, actor, version)),
                HttpStatus.OK,
                Locations.gallery(galleryId));
    }

    @DeleteMapping("/{galleryId}")
    @Operation(summary = "Delete a gallery with all its images")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID galleryId, Caller caller) {
        var actor = caller.actor();
        return reads.requireGallery(galleryId, actor, null)
                .then(commands.<Long>send(new DeleteGallery(galleryId, actor), caller))
                .flatMap(
                        version -> reads.galleryAfter(galleryId, actor, version).then())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** The merge patch as one command: an absent field is null (kept), an explicit null description is "". */
    private static UpdateGallery update(UUID galleryId, UpdateGalleryRequest body, Actor actor) {
        String description = body.description().isPresent()
                ? Objects.requireNonNullElse(body.description().get(), "")
                : null;
        UpdateGallery.Cover cover = body.coverImageId().isPresent()
                ? new UpdateGallery.Cover(body.coverImageId().get())
                : null;
        return new UpdateGallery(
                galleryId, body.name(), description, body.visibility(), cover, body.showLocations(), actor);
    }
}
