package dev.vitrine.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.command.UpdateGallery;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.AppNode;
import dev.vitrine.app.support.EventLog;
import dev.vitrine.app.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Aggregates live in their events: a new process rebuilds them and applies the same rules. */
class RestartIT {

    @Test
    void aggregates_are_rebuilt_from_their_events_after_a_restart() {
        String database = TestDatabases.create();
        Api.User owner;
        GalleryView kept;
        GalleryView deleted;
        ImageView image;
        try (AppNode before = AppNode.start("before", database)) {
            Api api = before.api();
            owner = api.register();
            kept = api.createGallery(owner, "Survives", Visibility.PUBLIC);
            image = api.upload(owner, kept.id(), "Landscape_6.jpg");
            deleted = api.createGallery(owner, "Deleted before restart", Visibility.PUBLIC);
            before.http()
                    .delete()
                    .uri("/api/galleries/" + deleted.id())
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
        }

        try (AppNode after = AppNode.start("after", database)) {
            Api api = after.api();
            assertThat(api.gallery(null, kept.id()).name()).isEqualTo("Survives");
            assertThat(api.images(owner, kept.id(), 1, 10).images())
                    .extracting(ImageView::id)
                    .containsExactly(image.id());

            CommandGateway commands = after.bean(CommandGateway.class);
            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            List<String> before = EventLog.types(jdbc, kept.id());
            long unchanged =
                    commands.<Long>sendAndWait(UpdateGallery.name(kept.id(), "Survives", Actor.user(owner.id())));
            assertThat(unchanged).as("the rebuilt gallery knows its version").isEqualTo(before.size() - 1);
            assertThat(EventLog.types(jdbc, kept.id()))
                    .as("same name: it records nothing new")
                    .isEqualTo(before);
            assertThatThrownBy(() -> commands.sendAndWait(
                            UpdateGallery.name(kept.id(), "Hijacked", Actor.user(UUID.randomUUID()))))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("owner");
            assertThatThrownBy(() ->
                            commands.sendAndWait(UpdateGallery.name(deleted.id(), "Back", Actor.user(owner.id()))))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("deleted");

            after.http()
                    .patch()
                    .uri("/api/galleries/" + kept.id())
                    .headers(owner::sign)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Renamed after restart"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.version")
                    .isEqualTo(before.size());
            after.http()
                    .post()
                    .uri("/api/uploads/" + image.id() + "/confirm")
                    .headers(owner::sign)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
        }
    }
}
