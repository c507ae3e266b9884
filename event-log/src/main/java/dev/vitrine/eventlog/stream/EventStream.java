package dev.vitrine.eventlog.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.identity.AccountRights;
import dev.vitrine.api.integration.CloudEvent;
import dev.vitrine.eventlog.log.IntegrationLog;
import dev.vitrine.eventlog.log.LogFilter;
import dev.vitrine.eventlog.log.LogProcessor;
import dev.vitrine.eventlog.log.LogRecord;
import dev.vitrine.eventlog.log.LogSignal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One subscriber's stream: pages of the log after its position, read off the event loop, then a wait for the
 * log to grow (told by this node's log writer, or found by polling: another node may be writing it). What the
 * subscriber may read is asked again for every page ({@link StreamReader}).
 */
@Component
class EventStream {

    static final int PAGE = 500;
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final IntegrationLog log;
    private final LogSignal signal;
    private final ObjectMapper json;
    private final String source;

    private final AccountRights rights;

    EventStream(
            IntegrationLog log,
            LogSignal signal,
            ObjectMapper json,
            LogProcessor.Settings settings,
            AccountRights rights) {
        this.log = log;
        this.rights = rights;
        this.signal = signal;
        this.json = json;
        this.source = settings.source();
    }

    /** @param after the position to replay after; null: from the log's head now (live only) */
    Flux<ServerSentEvent<CloudEvent>> from(Long after, LogFilter filter) {
        return Mono.fromCallable(() -> after != null ? after : log.head())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(start -> {
                    AtomicLong position = new AtomicLong(start);
                    StreamReader reader = new StreamReader(filter, rights);
                    Flux<Long> wakeUps = Flux.merge(Flux.just(0L), signal.heads(), Flux.interval(POLL))
                            .onBackpressureLatest();
                    Flux<ServerSentEvent<CloudEvent>> events = wakeUps.concatMap(tick -> drain(position, reader), 1)
                            .map(this::event);
                    Flux<ServerSentEvent<CloudEvent>> heartbeats = Flux.interval(HEARTBEAT)
                            .map(tick -> ServerSentEvent.<CloudEvent>builder()
                                    .comment("still here")
                                    .build());
                    // said first so that a client knows when it is live, and from where
                    ServerSentEvent<CloudEvent> opened = ServerSentEvent.<CloudEvent>builder()
                            .comment("after " + start)
                            .build();
                    return Flux.concat(Mono.just(opened), Flux.merge(events, heartbeats))
                            .onErrorResume(StreamReader.Gone.class, gone -> Flux.empty());
                });
    }

    /** Every event after {@code position} there is now, page by page, each for the reader as they are now. */
    private Flux<LogRecord> drain(AtomicLong position, StreamReader reader) {
        return page(position, reader)
                .expand(page -> page.size() == PAGE ? page(position, reader) : Mono.empty())
                .flatMapIterable(page -> page);
    }

    private Mono<List<LogRecord>> page(AtomicLong position, StreamReader reader) {
        return Mono.fromCallable(() -> {
                    LogFilter filter = reader.now();
                    long head = log.head();
                    List<LogRecord> page = log.between(position.get(), head, filter, PAGE);
                    // a short page read everything up to the head: what it filtered out need not be read again
                    position.set(
                            page.size() < PAGE
                                    ? Math.max(position.get(), head)
                                    : page.getLast().position());
                    return page;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ServerSentEvent<CloudEvent> event(LogRecord record) {
        return ServerSentEvent.builder(record.cloudEvent(source, json))
                .id(Long.toString(record.position()))
                .event(record.type())
                .build();
    }
}
