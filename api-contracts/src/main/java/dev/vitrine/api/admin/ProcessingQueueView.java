package dev.vitrine.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The processing queue as operators see it, across every node.
 *
 * @param queue              which queue holds the jobs: the PostgreSQL job table, or RabbitMQ and where
 * @param waitingToPublish   images confirmed and not yet taken up by a worker (their first, publishing half)
 * @param waitingToComplete  published images whose AVIF set waits for a worker
 * @param inHand             jobs workers hold now; null with RabbitMQ, which counts only what is ready
 * @param deadLettered       jobs RabbitMQ gave up on after its delivery limit; null for the job table, which has
 *                           no such place (such an image ends rejected or stalled, shown to its owner)
 * @param oldestWaitingSince when the longest-waiting job was queued (job table only)
 * @param workersOnThisNode  image worker threads of the node that answered
 */
@Schema(name = "ProcessingQueue")
public record ProcessingQueueView(
        String queue,
        long waitingToPublish,
        long waitingToComplete,
        @Schema(nullable = true) Long inHand,
        @Schema(nullable = true) Long deadLettered,
        @Schema(nullable = true) Instant oldestWaitingSince,
        int workersOnThisNode) {}
