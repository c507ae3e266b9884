package dev.vitrine.processing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The job queue against the machine's real RabbitMQ, on a queue of its own. */
class RabbitJobQueueTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    String queueName;
    RabbitJobQueue queue;
    Disposable consuming;

    @BeforeEach
    void setUp() {
        queueName = "vitrine-test-" + UUID.randomUUID().toString().substring(0, 8);
        queue = new RabbitJobQueue(factory(), JSON, queueName, 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (consuming != null) {
            consuming.dispose();
        }
        queue.close();
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(queueName);
            channel.queueDelete(queueName + ".complete");
            channel.queueDelete(queueName + ".dead");
        }
    }

    static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("VITRINE_TEST_RABBITMQ_HOST", "127.0.0.1"));
        return factory;
    }

    static ProcessImageJob job() {
        return new ProcessImageJob(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                1,
                "g/i/original",
                "image/jpeg",
                "e".repeat(64),
                "correlation-1",
                ProcessImageJob.Phase.PUBLISH);
    }

    long depth(String name) throws Exception {
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            return channel.messageCount(name);
        }
    }

    @Test
    void a_confirmed_job_reaches_a_worker_intact_and_is_gone_once_done() throws Exception {
        ProcessImageJob job = job();
        queue.submit(job).block(Duration.ofSeconds(10));

        List<ProcessImageJob> received = new CopyOnWriteArrayList<>();
        consuming = queue.deliveries(1, 1).subscribe(delivery -> {
            received.add(delivery.job());
            delivery.done();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received).containsExactly(job);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(depth(queueName)).isZero());
    }

    @Test
    void a_job_given_back_comes_again() {
        ProcessImageJob job = job();
        queue.submit(job).block(Duration.ofSeconds(10));

        List<ProcessImageJob> received = new CopyOnWriteArrayList<>();
        consuming = queue.deliveries(1, 1).subscribe(delivery -> {
            received.add(delivery.job());
            if (received.size() == 1) {
                delivery.retryLater();
            } else {
                delivery.done();
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received).containsExactly(job, job);
    }

    @Test
    void a_job_that_keeps_coming_back_is_dead_lettered_after_the_delivery_limit() throws Exception {
        queue.submit(job()).block(Duration.ofSeconds(10));

        List<ProcessImageJob> received = new CopyOnWriteArrayList<>();
        consuming = queue.deliveries(1, 1).subscribe(delivery -> {
            received.add(delivery.job());
            delivery.retryLater();
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(depth(queueName + ".dead")).isEqualTo(1));
        assertThat(received).hasSizeBetween(3, 4);
        assertThat(depth(queueName)).isZero();
    }

    @Test
    void a_message_that_is_no_job_is_dead_lettered_at_once() throws Exception {
        queue.submit(job()).block(Duration.ofSeconds(10)); // declares the queues
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.basicPublish(RabbitJobQueue.EXCHANGE, queueName, null, "not json".getBytes());
        }
        List<ProcessImageJob> received = new CopyOnWriteArrayList<>();
        consuming = queue.deliveries(2, 2).subscribe(delivery -> {
            received.add(delivery.job());
            delivery.done();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(depth(queueName + ".dead")).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
    }
}
