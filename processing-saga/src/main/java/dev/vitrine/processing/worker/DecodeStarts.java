package dev.vitrine.processing.worker;

import dev.vitrine.processing.job.ProcessImageJob;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable count of decodes begun and never finished, per job: what tells a file that crashes the process from
 * the files that happened to be in the same process when it died. Written before native decoding starts, cleared
 * when the job is settled by a worker that is still alive.
 */
public class DecodeStarts {

    private final JdbcTemplate jdbc;

    public DecodeStarts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many decodes of this job began and never finished: each one a process that died decoding it. */
    public int crashes(ProcessImageJob job) {
        return jdbc
                .query("SELECT starts FROM processing_start WHERE job_id = ?", (rs, n) -> rs.getInt(1), job.jobId())
                .stream()
                .findFirst()
                .orElse(0);
    }

    /** Records, durably, that a decode of this job begins. */
    public void begin(ProcessImageJob job) {
        jdbc.update("""
                INSERT INTO processing_start (job_id, image_id, starts) VALUES (?, ?, 1)
                ON CONFLICT (job_id) DO UPDATE SET starts = processing_start.starts + 1, last_started_at = now()
                """, job.jobId(), job.imageId());
    }

    /** The job is settled by a live worker: nothing it began crashed anything. */
    public void settled(ProcessImageJob job) {
        jdbc.update("DELETE FROM processing_start WHERE job_id = ?", job.jobId());
    }
}
