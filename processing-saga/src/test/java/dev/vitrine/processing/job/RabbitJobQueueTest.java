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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
                ProcessImageJob.Phase.PUBLISH,
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
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
    void a_job_whose_workers_die_with_it_says_so_on_its_next_delivery_and_is_dead_lettered_at_the_limit()
            throws Exception {
        queue.submit(job()).block(Duration.ofSeconds(10));

        List<Integer> unfinished = new CopyOnWriteArrayList<>();
        // RabbitMQ dead-letters a message once more deliveries than the limit (3 here) ended unsettled
        for (int delivery = 1; delivery <= 4; delivery++) {
            AtomicBoolean got = new AtomicBoolean();
            // a worker that takes the job and never settles it, then goes away: what a crash looks like to the broker
            Disposable dying = queue.deliveries(1, 1).subscribe(taken -> {
                unfinished.add(taken.unfinished());
                got.set(true);
            });
            await().atMost(Duration.ofSeconds(10)).untilTrue(got);
            dying.dispose();
        }
        assertThat(unfinished)
                .as("each delivery knows how many workers died with it")
                .containsExactly(0, 1, 2, 3);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(depth(queueName + ".dead")).isEqualTo(1));
        assertThat(depth(queueName)).isZero();
    }

    @Test
    void a_job_given_back_is_no_crash_and_comes_again_uncounted() {
        ProcessImageJob job = job();
        queue.submit(job).block(Duration.ofSeconds(10));

        List<Integer> unfinished = new CopyOnWriteArrayList<>();
        consuming = queue.deliveries(1, 1).subscribe(delivery -> {
            unfinished.add(delivery.unfinished());
            if (unfinished.size() < 5) {
                delivery.retryLater();
            } else {
                delivery.done();
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> unfinished.size() == 5);
        assertThat(unfinished)
                .as("given back four times, past the limit of 3: never dead-lettered")
                .containsOnly(0);
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
