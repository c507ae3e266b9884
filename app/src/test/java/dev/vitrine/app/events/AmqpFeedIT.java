package dev.vitrine.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.RabbitNode;
import dev.vitrine.app.support.VitrineIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An AMQP consumer of the {@code vitrine.events} exchange gets every event of a burst, across a restart of the
 * broker in the middle of it, each event under its one id; and the commands of the burst never wait for the broker.
 * (On a RabbitMQ node of its own, so that stopping it disturbs no other test.)
 */
@VitrineIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AmqpFeedIT {

    static final String QUEUE = "amqp-feed-it";
    static RabbitNode broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry properties) throws Exception {
        broker = RabbitNode.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception ignored) {
                // the node goes with the machine's test run anyway
            }
        }));
        properties.add("spring.rabbitmq.port", broker::port);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_event_of_a_burst_arrives_by_its_id_across_a_broker_restart() throws Exception {
        declareQueue();
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Burst", Visibility.PUBLIC);

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            int n = i;
            answers.add(clients.submit(() -> rename(owner, gallery, n)));
            if (i == 40) {
                broker.stopApp();
            }
            if (i == 80) {
                assertThat(answers.subList(40, 80))
                        .as("commands while the broker is away")
                        .allSatisfy(answer -> assertThat(answer.get()).isEqualTo(200));
                broker.startApp();
            }
        }
        clients.shutdown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }

        Set<String> logged = new HashSet<>(await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForList(
                                "SELECT event_id FROM event_log WHERE gallery_id = ? AND public_type IS NOT NULL",
                                String.class,
                                gallery.id()),
                        ids -> ids.size() == 121));
        Map<String, Integer> received = new HashMap<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    drainInto(received, gallery.id().toString());
                    assertThat(received.keySet()).containsAll(logged);
                });
        assertThat(received.keySet()).as("nothing but the gallery's events").isSubsetOf(logged);
        long duplicates = received.values().stream().filter(times -> times > 1).count();
        System.out.printf(
                "AMQP feed across a broker restart: %d events, %d delivered twice (same id)%n",
                received.size(), duplicates);
    }

    private int rename(Api.User owner, GalleryView gallery, int n) {
        return http.patch()
                .uri("/api/galleries/" + gallery.id())
                .headers(owner::sign)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Burst " + n))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private void declareQueue() throws Exception {
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("vitrine.events", "topic", true);
            channel.queueDeclare(QUEUE, true, false, false, null);
            channel.queueBind(QUEUE, "vitrine.events", "dev.vitrine.gallery.#");
        }
    }

    private void drainInto(Map<String, Integer> received, String galleryId) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            for (GetResponse message; (message = channel.basicGet(QUEUE, true)) != null; ) {
                JsonNode event = json.readTree(message.getBody());
                assertThat(message.getProps().getMessageId())
                        .isEqualTo(event.path("id").asText());
                assertThat(event.path("specversion").asText()).isEqualTo("1.0");
                if (event.path("partitionkey").asText().equals(galleryId)) {
                    received.merge(event.path("id").asText(), 1, Integer::sum);
                }
            }
        }
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(broker.port());
        return factory;
    }
}
