package dev.vitrine.processing.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The queue when no RabbitMQ is configured: the {@code processing_job} table of the installation's PostgreSQL. A job
 * survives any crash; a worker leases the jobs it holds and renews the leases while it works, so the jobs of a node
 * that died are handed out again, on any node, once their lease runs out. Claiming uses {@code FOR UPDATE SKIP
 * LOCKED}: nodes never take the same job, nor wait for each other.
 */
public final class PostgresJobQueue implements JobQueue {

    private static final Logger log = LoggerFactory.getLogger(PostgresJobQueue.class);

    /** How soon a job given back is handed out again. */
    static final Duration GIVEN_BACK_WAIT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration lease;
    private final Duration poll;
    private final Scheduler blocking = Schedulers.boundedElastic();
    /** The jobs this node holds, whose leases it renews. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    /** A job queued by this node is claimed at once, not at the next poll. */
    private final Sinks.Many<ProcessImageJob.Phase> queued =
            Sinks.many().multicast().directBestEffort();
    /** A job done or given back makes room for the next. */
    private final Sinks.Many<ProcessImageJob.Phase> finishedJobs =
            Sinks.many().multicast().directBestEffort();

    /**
     * @param lease how long a claimed job stays with its worker without a renewal: after a crash, the wait before
     *     another node takes it
     * @param poll how often an idle node looks for jobs other nodes queued
     */
    public PostgresJobQueue(JdbcTemplate jdbc, ObjectMapper json, Duration lease, Duration poll) {
        this.jdbc = jdbc;
        this.json = json;
        this.lease = lease;
        this.poll = poll;
    }

    @Override
    public Mono<Void> submit(ProcessImageJob job) {
        return Mono.fromCallable(() -> jdbc.update(
                        "INSERT INTO processing_job (job_id, phase, job) VALUES (?, ?, ?::jsonb) "
                                + "ON CONFLICT (job_id) DO NOTHING",
                        job.jobId(),
                        phaseName(job.phase()),
                        json.writeValueAsString(job)))
                .subscribeOn(blocking)
                .doOnSuccess(inserted -> queued.tryEmitNext(job.phase()))
                .then();
    }

    @Override
    public Flux<JobDelivery> deliveries(int publishing, int completing) {
        Flux<Long> renewals = Flux.interval(lease.dividedBy(3), blocking).doOnNext(tick -> renew());
        return Flux.merge(
                        claims(ProcessImageJob.Phase.PUBLISH, publishing),
                        claims(ProcessImageJob.Phase.COMPLETE, completing))
                .mergeWith(renewals.thenMany(Flux.empty()));
    }

    /** Jobs of one phase, as many as {@code capacity} in hand at once. */
    private Flux<JobDelivery> claims(ProcessImageJob.Phase phase, int capacity) {
        AtomicInteger inHand = new AtomicInteger();
        Flux<Object> wakeUps = Flux.<Object>merge(
                        Flux.interval(Duration.ZERO, poll), queued.asFlux().filter(phase::equals), finished(phase))
                .onBackpressureLatest();
        return wakeUps.concatMap(
                        tick -> Mono.fromCallable(() -> claim(phase, capacity - inHand.get(), inHand))
                                .subscribeOn(blocking)
                                .onErrorResume(failure -> {
                                    log.warn("Processing jobs could not be claimed: {}", failure.toString());
                                    return Mono.just(List.of());
                                }),
                        1)
                .concatMapIterable(jobs -> jobs);
    }

    /** A job done or given back makes room: look for the next at once. */
    private Flux<ProcessImageJob.Phase> finished(ProcessImageJob.Phase phase) {
        return finishedJobs.asFlux().filter(phase::equals);
    }

    private List<JobDelivery> claim(ProcessImageJob.Phase phase, int room, AtomicInteger inHand) {
        if (room <= 0) {
            return List.of();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                UPDATE processing_job SET leased_until = now() + make_interval(secs => ?), deliveries = deliveries + 1
                WHERE job_id IN (SELECT job_id FROM processing_job
                                 WHERE phase = ? AND available_at <= now()
                                   AND (leased_until IS NULL OR leased_until < now())
                                 ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING job_id, job::text AS job, deliveries
                """, lease.toMillis() / 1000.0, phaseName(phase), room);
        List<JobDelivery> claimed = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            UUID jobId = (UUID) row.get("job_id");
            ProcessImageJob job;
            try {
                job = json.readValue((String) row.get("job"), ProcessImageJob.class);
            } catch (JsonProcessingException unreadable) {
                log.error("Dropping unreadable processing job {}: {}", jobId, unreadable.getMessage());
                jdbc.update("DELETE FROM processing_job WHERE job_id = ?", jobId);
                continue;
            }
            held.add(jobId);
            inHand.incrementAndGet();
            claimed.add(new Delivery(job, ((Number) row.get("deliveries")).intValue() - 1, inHand));
        }
        return claimed;
    }

    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            jdbc.update(connection -> {
                var renewal = connection.prepareStatement(
                        "UPDATE processing_job SET leased_until = now() + make_interval(secs => ?)"
                                + " WHERE job_id = ANY(?)");
                renewal.setDouble(1, lease.toMillis() / 1000.0);
                renewal.setArray(2, connection.createArrayOf("uuid", held.toArray()));
                return renewal;
            });
        } catch (RuntimeException failure) {
            // the next renewal tries again; a lease that runs out meanwhile only means a job done twice
            log.warn("Leases of processing jobs could not be renewed: {}", failure.toString());
        }
    }

    /**
     * Ends every lease now, for an installation whose table no other process can use (an embedded PostgreSQL):
     * the jobs its previous run held are handed out again at once. Their delivery counts stay.
     */
    public void releaseLeases() {
        int released = jdbc.update("UPDATE processing_job SET leased_until = NULL WHERE leased_until IS NOT NULL");
        if (released > 0) {
            log.info("{} processing jobs the previous run of this process held are taken up again at once", released);
        }
    }

    @Override
    public Mono<QueueDepth> depth() {
        return Mono.fromCallable(() -> jdbc.queryForObject(
                        """
                        SELECT count(*) FILTER (WHERE phase = 'publish' AND NOT leased),
                               count(*) FILTER (WHERE phase = 'complete' AND NOT leased),
                               count(*) FILTER (WHERE leased),
                               min(queued_at) FILTER (WHERE NOT leased)
                        FROM (SELECT phase, queued_at, coalesce(leased_until >= now(), false) AS leased
                              FROM processing_job) AS job
                        """,
                        (rs, n) -> new QueueDepth(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                null,
                                rs.getTimestamp(4) == null
                                        ? null
                                        : rs.getTimestamp(4).toInstant())))
                .subscribeOn(blocking);
    }

    private static String phaseName(ProcessImageJob.Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return "PostgreSQL job table";
    }

    @Override
    public boolean external() {
        return false;
    }

    private final class Delivery implements JobDelivery {
        private final ProcessImageJob job;
        private final int unfinished;
        private final AtomicInteger inHand;

        Delivery(ProcessImageJob job, int unfinished, AtomicInteger inHand) {
            this.job = job;
            this.unfinished = unfinished;
            this.inHand = inHand;
        }

        @Override
        public ProcessImageJob job() {
            return job;
        }

        @Override
        public int unfinished() {
            return unfinished;
        }

        @Override
        public void done() {
            settle("DELETE FROM processing_job WHERE job_id = ?", job.jobId());
        }

        @Override
        public void retryLater() {
            // given back, not crashed: it starts counting its deliveries afresh
            settle(
                    "UPDATE processing_job SET leased_until = NULL, deliveries = 0,"
                            + " available_at = now() + make_interval(secs => ?) WHERE job_id = ?",
                    GIVEN_BACK_WAIT.toMillis() / 1000.0,
                    job.jobId());
        }

        /**
         * A job that cannot be settled (the database is down) is let go all the same: its lease runs out and it is
         * done again, which changes nothing recorded.
         */
        private void settle(String sql, Object... arguments) {
            try {
                jdbc.update(sql, arguments);
            } catch (RuntimeException failure) {
                log.warn("Processing job {} could not be settled: {}", job.jobId(), failure.toString());
            } finally {
                held.remove(job.jobId());
                inHand.decrementAndGet();
                finishedJobs.tryEmitNext(job.phase());
            }
        }
    }
}
