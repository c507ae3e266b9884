package dev.vitrine.app.operations;

import dev.vitrine.api.admin.ProcessingQueueView;
import dev.vitrine.api.image.query.ProcessingBacklogView;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.worker.ImageWorker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The depth of the processing queue, as the queue itself counts it: in full for administrators, as one number for
 * signed-in users (the web client shows it beside images still processing). Also the metrics {@code
 * vitrine.processing.queue.*}.
 */
@RestController
class ProcessingQueueController {

    private final JobQueue queue;
    private final ImageWorker worker;

    ProcessingQueueController(JobQueue queue, ImageWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    @GetMapping("/api/admin/processing")
    @Tag(name = "Administration")
    @Operation(summary = "The processing queue: jobs waiting by half, in hand, dead-lettered, the oldest wait")
    Mono<ProcessingQueueView> queue() {
        return queue.depth()
                .map(depth -> new ProcessingQueueView(
                        queue.describe(),
                        depth.waitingToPublish(),
                        depth.waitingToComplete(),
                        depth.inHand(),
                        depth.deadLettered(),
                        depth.oldestWaitingSince(),
                        worker.workers()));
    }

    @GetMapping("/api/processing/backlog")
    @Tag(name = "Images")
    @Operation(summary = "How many images, all accounts together, wait for processing")
    Mono<ProcessingBacklogView> backlog() {
        return queue.depth().map(depth -> new ProcessingBacklogView(depth.waitingToPublish()));
    }
}
