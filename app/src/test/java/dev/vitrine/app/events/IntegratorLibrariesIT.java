package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.TestQueues;
import dev.vitrine.app.support.VitrineIntegrationTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.http.HttpMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an integrator's own libraries make of Vitrine's deliveries, rather than what the project's parser does: the
 * CloudEvents Java SDK reads a webhook's request and an AMQP message as structured-mode CloudEvents (which it
 * recognises by their content type, {@code application/cloudevents+json}, and by nothing else), and the Standard
 * Webhooks Java library verifies the webhook's signature.
 */
@VitrineIntegrationTest
class IntegratorLibrariesIT {

    @Autowired
    WebTestClient http;

    @Test
    void a_webhook_delivery_is_a_cloudevent_to_the_cloudevents_sdk_and_its_signature_verifies_with_standard_webhooks()
            throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Read by a library", Visibility.PUBLIC);
        WebhooksIT.Receiver receiver = WebhooksIT.Receiver.start();
        try {
            WebhookView hook = http.post()
                    .uri("/api/webhooks")
                    .headers(Api.admin()::sign)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "url",
                            receiver.url(),
                            "types",
                            List.of("dev.vitrine.gallery.updated.v1"),
                            "galleryId",
                            gallery.id().toString(),
                            "allowPrivateNetwork",
                            true))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(WebhookView.class)
                    .returnResult()
                    .getResponseBody();
            api.patchGallery(owner, gallery.id(), Map.of("name", "Read by a library, renamed"));

            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received.isEmpty());
            WebhooksIT.Receiver.Request request = receiver.received.getFirst();

            // the SDK's HTTP binding decides the mode from the headers, as the npm SDK's HTTP.toEvent does
            CloudEvent event = HttpMessageFactory.createReader(request.headers(), request.body())
                    .toEvent();
            assertThat(request.headers().get("content-type")).isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getId()).isEqualTo(request.headers().get("webhook-id"));
            assertThat(event.getType()).isEqualTo("dev.vitrine.gallery.updated.v1");
            assertThat(event.getSource()).isEqualTo(URI.create("/vitrine"));
            assertThat(event.getSubject()).isEqualTo("galleries/" + gallery.id());
            assertThat(event.getExtension("partitionkey"))
                    .isEqualTo(gallery.id().toString());
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
            assertThat(data.path("galleryId").asText()).isEqualTo(gallery.id().toString());
            assertThat(data.path("name").asText()).isEqualTo("Read by a library, renamed");

            Map<String, List<String>> headers = request.headers().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, header -> List.of(header.getValue())));
            String body = new String(request.body(), StandardCharsets.UTF_8);
            assertThatCode(() -> new Webhook(hook.secret()).verify(body, headers))
                    .as("the Standard Webhooks library verifies the signature")
                    .doesNotThrowAnyException();
            assertThatCode(() -> new Webhook(hook.secret()).verify(body.replace("renamed", "forged"), headers))
                    .as("and refuses a body that is not the one signed")
                    .isInstanceOf(WebhookVerificationException.class);
        } finally {
            receiver.server.stop(0);
        }
    }

    @Test
    void an_amqp_message_is_a_cloudevent_to_the_cloudevents_sdk() throws Exception {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Read off the exchange", Visibility.PUBLIC);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(TestQueues.HOST);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("vitrine.events", "topic", true);
            // a queue of this test's own, gone with its connection: other contexts publish to the exchange too
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "vitrine.events", "dev.vitrine.gallery.updated.v1");
            api.patchGallery(owner, gallery.id(), Map.of("name", "Read off the exchange, renamed"));

            AtomicReference<GetResponse> ours = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        for (GetResponse message; (message = channel.basicGet(queue, true)) != null; ) {
                            if (new String(message.getBody(), StandardCharsets.UTF_8)
                                    .contains(gallery.id().toString())) {
                                ours.set(message);
                            }
                        }
                        return ours.get() != null;
                    });
            GetResponse message = ours.get();

            String contentType = message.getProps().getContentType();
            assertThat(contentType).isEqualTo("application/cloudevents+json");
            EventFormat format = EventFormatProvider.getInstance().resolveFormat(contentType);
            assertThat(format)
                    .as("the SDK knows the content type as a structured-mode format")
                    .isNotNull();
            CloudEvent event = format.deserialize(message.getBody());
            assertThat(event.getId()).isEqualTo(message.getProps().getMessageId());
            assertThat(event.getType()).isEqualTo("dev.vitrine.gallery.updated.v1");
            assertThat(event.getSource()).isEqualTo(URI.create("/vitrine"));
            assertThat(event.getExtension("partitionkey"))
                    .isEqualTo(gallery.id().toString());
            JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
            assertThat(data.path("galleryId").asText()).isEqualTo(gallery.id().toString());
            assertThat(data.path("name").asText()).isEqualTo("Read off the exchange, renamed");
        }
    }
}
