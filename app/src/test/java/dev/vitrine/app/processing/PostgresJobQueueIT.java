package dev.vitrine.app.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.app.support.TestDatabases;
import dev.vitrine.processing.job.JobDelivery;
import dev.vitrine.processing.job.PostgresJobQueue;
import dev.vitrine.processing.job.ProcessImageJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import reactor.core.Disposable;

/**
 * The job table of an installation without RabbitMQ, against the real PostgreSQL: two nodes never take the same
 * job, a job whose node died comes back to another once its lease ran out and says so, a job given back does not.
 */
class PostgresJobQueueIT {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Duration LEASE = Duration.ofSeconds(2);

    JdbcTemplate jdbc;
    final List<Disposable> consumers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabases.create(), TestDatabases.user(), TestDatabases.password());
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(database);
    }

    @AfterEach
    void tearDown() {
        consumers.forEach(Disposable::dispose);
    }

    PostgresJobQueue node() {
        return new PostgresJobQueue(jdbc, JSON, LEASE, Duration.ofMillis(100));
    }

    @Test
    void two_nodes_share_the_jobs_and_never_take_the_same_one() {
        PostgresJobQueue first = node();
        PostgresJobQueue second = node();
        for (int i = 0; i < 40; i++) {
            first.submit(job()).block(Duration.ofSeconds(5));
        }
        List<UUID> taken = new CopyOnWriteArrayList<>();
        for (PostgresJobQueue node : List.of(first, second)) {
            consumers.add(node.deliveries(3, 1).subscribe(delivery -> {
                taken.add(delivery.job().jobId());
                delivery.done();
            }));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> taken.size() >= 40);
        assertThat(taken).hasSize(40).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processing_job", Integer.class))
                .isZero();
    }

    @Test
    void a_job_whose_node_died_comes_back_to_another_after_its_lease_and_says_so() {
        ProcessImageJob job = job();
        node().submit(job).block(Duration.ofSeconds(5));
        AtomicReference<JobDelivery> taken = new AtomicReference<>();
        // takes the job and never settles it, then stops renewing it: a process killed
        Disposable dying = node().deliveries(1, 1).subscribe(taken::set);
        await().atMost(Duration.ofSeconds(10)).untilAtomic(taken, notNullValue());
        assertThat(taken.get().unfinished()).isZero();
        dying.dispose();

        AtomicReference<JobDelivery> again = new AtomicReference<>();
        consumers.add(node().deliveries(1, 1).subscribe(again::set));
        await().atMost(LEASE.multipliedBy(5)).untilAtomic(again, notNullValue());
        assertThat(again.get().job()).isEqualTo(job);
        assertThat(again.get().unfinished()).as("one process died with it").isEqualTo(1);
    }

    @Test
    void a_job_given_back_comes_again_and_counts_no_crash() {
        ProcessImageJob job = job();
        PostgresJobQueue node = node();
        node.submit(job).block(Duration.ofSeconds(5));
        List<Integer> unfinished = new CopyOnWriteArrayList<>();
        consumers.add(node.deliveries(1, 1).subscribe(delivery -> {
            unfinished.add(delivery.unfinished());
            if (unfinished.size() < 3) {
                delivery.retryLater();
            } else {
                delivery.done();
            }
        }));

        await().atMost(Duration.ofSeconds(20)).until(() -> unfinished.size() == 3);
        assertThat(unfinished).containsExactly(0, 0, 0);
    }

    @Test
    void a_node_holding_a_job_keeps_it_past_its_lease_while_it_works() throws InterruptedException {
        node().submit(job()).block(Duration.ofSeconds(5));
        AtomicReference<JobDelivery> held = new AtomicReference<>();
        consumers.add(node().deliveries(1, 1).subscribe(held::set));
        await().atMost(Duration.ofSeconds(10)).untilAtomic(held, notNullValue());

        List<JobDelivery> stolen = new CopyOnWriteArrayList<>();
        consumers.add(node().deliveries(1, 1).subscribe(stolen::add));
        Thread.sleep(LEASE.multipliedBy(3).toMillis());
        assertThat(stolen).as("the lease was renewed: nobody else took the job").isEmpty();
        held.get().done();
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
}
