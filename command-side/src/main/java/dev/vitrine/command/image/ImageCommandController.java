package dev.vitrine.command.image;

import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.image.ImageTags;
import dev.vitrine.api.image.command.ChangeImageAlt;
import dev.vitrine.api.image.command.ChangeImageTags;
import dev.vitrine.api.image.command.DeleteImage;
import dev.vitrine.api.image.command.ReprocessImage;
import dev.vitrine.api.image.http.UpdateImageRequest;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.command.web.CommandSender;
import dev.vitrine.command.web.Locations;
import dev.vitrine.command.web.ReadModel;
import dev.vitrine.command.web.WriteAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/galleries/{galleryId}/images/{imageId}")
@Tag(name = "Images")
class ImageCommandController {

    private final CommandSender commands;
    private final ReadModel reads;

    ImageCommandController(CommandSender commands, ReadModel reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @PatchMapping
    @Operation(summary = "Change an image's alternative text")
    @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
    @WriteAnswer.MayAnswerBeforeReadable
    Mono<ResponseEntity<ImageView>> update(
            @PathVariable UUID galleryId,
            @PathVariable UUID imageId,
            @Valid @RequestBody UpdateImageRequest body,
            Caller caller) {
        var actor = caller.actor();
        if (!body.alt().isPresent()) {
            return reads.requireImage(galleryId, imageId, caller).map(ResponseEntity::ok);
        }
        var command = new ChangeImageAlt(imageId, galleryId, body.alt().get(), actor);
        return WriteAnswer.of(
                reads.requireImage(galleryId, imageId, caller)
                        .then(commands.<Long>send(command, caller))
                        .flatMap(version -> reads.imageAfter(galleryId, imageId, caller, version)),
                HttpStatus.OK,
                Locations.image(galleryId, imageId));
    }

    @PutMapping("/tags")
    @Operation(
            summary =
                    "Set an image's tags (owner, editors, or the contributor who uploaded it): lower-cased, each once, "
                            + "at most " + ImageTags.MAX + " of at most " + ImageTags.LENGTH_MAX
                            + " characters; [] removes them")
    @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
    @WriteAnswer.MayAnswerBeforeReadable
    Mono<ResponseEntity<ImageView>> tag(
            @PathVariable UUID galleryId, @PathVariable UUID imageId, @RequestBody List<String> tags, Caller caller) {
        var actor = caller.actor();
        return WriteAnswer.of(
                reads.requireImage(galleryId, imageId, caller)
                        .then(commands.<Long>send(new ChangeImageTags(imageId, galleryId, tags, actor), caller))
                        .flatMap(version -> reads.imageAfter(galleryId, imageId, caller, version)),
                HttpStatus.OK,
                Locations.image(galleryId, imageId));
    }

    @PostMapping("/reprocess")
    @Operation(summary = "Process the image again from its original, as a new generation (owner or admin)")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the image keeps its variants until the new ones are published",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ImageView>> reprocess(@PathVariable UUID galleryId, @PathVariable UUID imageId, Caller caller) {
        var actor = caller.actor();
        return WriteAnswer.of(
                reads.requireImage(galleryId, imageId, caller)
                        .then(commands.<Long>send(new ReprocessImage(imageId, galleryId, actor), caller))
                        .flatMap(version -> reads.imageAfter(galleryId, imageId, caller, version)),
                HttpStatus.ACCEPTED,
                Locations.image(galleryId, imageId));
    }

    @DeleteMapping
    @Operation(summary = "Delete an image and its stored files")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID galleryId, @PathVariable UUID imageId, Caller caller) {
        var actor = caller.actor();
        return reads.requireImage(galleryId, imageId, caller)
                .then(commands.<Long>send(new DeleteImage(imageId, galleryId, actor), caller))
                .flatMap(version ->
                        reads.imageAfter(galleryId, imageId, caller, version).then())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
