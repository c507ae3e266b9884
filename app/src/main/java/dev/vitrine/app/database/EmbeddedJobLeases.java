package dev.vitrine.app.database;

import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.PostgresJobQueue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded PostgreSQL belongs to this process alone: a job leased in its table was leased by an earlier run of
 * this process, which died (a clean stop hands its jobs back). So those jobs are taken up at once, rather than after
 * their lease. Their delivery counts stay: a file that crashed the last run still counts towards the crash limit.
 * With a PostgreSQL of its own, other nodes may hold leases: they are left to run out.
 */
@Component
class EmbeddedJobLeases implements SmartLifecycle {

    private final PostgresServer postgres;
    private final JobQueue jobs;
    private volatile boolean running;

    EmbeddedJobLeases(PostgresServer postgres, JobQueue jobs) {
        this.postgres = postgres;
        this.jobs = jobs;
    }

    @Override
    public void start() {
        if (postgres.embedded() && jobs instanceof PostgresJobQueue table) {
            table.releaseLeases();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the image workers start claiming. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
