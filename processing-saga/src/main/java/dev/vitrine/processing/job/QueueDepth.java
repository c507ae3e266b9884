package dev.vitrine.processing.job;

import java.time.Instant;

/**
 * How much processing work is waiting, as the queue itself knows it.
 *
 * @param waitingToPublish    publishing halves queued and in no worker's hands: images not published yet
 * @param waitingToComplete   completing halves (the AVIF sets) queued and in no worker's hands
 * @param inHand              jobs workers hold now, on every node; null where the queue cannot say (RabbitMQ
 *                            counts only what is ready)
 * @param deadLettered        jobs the broker gave up on after its delivery limit; null where there is no such place
 *                            (the job table: a job that cannot be run ends its image rejected or stalled instead)
 * @param oldestWaitingSince  when the longest-waiting job was queued; null when nothing waits or the queue cannot say
 */
public record QueueDepth(
        long waitingToPublish, long waitingToComplete, Long inHand, Long deadLettered, Instant oldestWaitingSince) {

    public long waiting() {
        return waitingToPublish + waitingToComplete;
    }
}
