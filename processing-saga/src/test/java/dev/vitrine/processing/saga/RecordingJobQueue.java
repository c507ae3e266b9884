package dev.vitrine.processing.saga;

import dev.vitrine.processing.job.JobDelivery;
import dev.vitrine.processing.job.JobQueue;
import dev.vitrine.processing.job.ProcessImageJob;
import dev.vitrine.processing.job.QueueDepth;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A queue for saga tests: it records what is submitted, and can be told to refuse (a broker that is down). */
class RecordingJobQueue implements JobQueue {

    final List<ProcessImageJob> submitted = new ArrayList<>();
    boolean down;

    @Override
    public Mono<Void> submit(ProcessImageJob job) {
        if (down) {
            return Mono.error(new IllegalStateException("broker down"));
        }
        submitted.add(job);
        return Mono.empty();
    }

    @Override
    public Flux<JobDelivery> deliveries(int publishing, int completing) {
        return Flux.never();
    }

    @Override
    public Mono<QueueDepth> depth() {
        return Mono.just(new QueueDepth(submitted.size(), 0, 0L, null, null));
    }

    @Override
    public String describe() {
        return "recording";
    }

    @Override
    public boolean external() {
        return false;
    }
}
