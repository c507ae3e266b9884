package dev.vitrine.eventlog.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.eventlog.log.IntegrationLog;
import dev.vitrine.eventlog.log.LogFilter;
import dev.vitrine.eventlog.log.LogProcessor;
import dev.vitrine.eventlog.log.LogRecord;
import dev.vitrine.eventlog.log.LogSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers due webhook deliveries: POSTs the event (CloudEvents JSON) signed the Standard Webhooks way, with the
 * event's id as {@code webhook-id} on every attempt. 2xx: delivered. 410: the endpoint is disabled. Anything
 * else, or no answer: tried again after the next retry delay (or the endpoint's {@code Retry-After}), until the
 * delays are used up.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Deliveries deliveries;
    private final Webhooks webhooks;
    private final IntegrationLog integrationLog;
    private final LogSignal signal;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final String source;
    private final Clock clock;
    private final WebClient http;
    private Disposable running;

    WebhookDispatcher(
            Deliveries deliveries,
            Webhooks webhooks,
            IntegrationLog integrationLog,
            LogSignal signal,
            WebhookSettings settings,
            ObjectMapper json,
            LogProcessor.Settings logSettings,
            Clock clock,
            WebClient.Builder http) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.integrationLog = integrationLog;
        this.signal = signal;
        this.settings = settings;
        this.json = json;
        this.source = logSettings.source();
        this.clock = clock;
        this.http = http.build();
    }

    @Override
    public synchronized void start() {
        running = Flux.merge(signal.heads(), Flux.interval(settings.poll()))
                .onBackpressureLatest()
                .concatMap(
                        tick -> round().onErrorResume(failure -> {
                            log.warn("Webhook deliveries could not be looked up: {}", failure.toString());
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }

    /** One round: lease what is due, deliver it all, wait for every answer. */
    private Mono<Void> round() {
        Duration lease = settings.timeout().multipliedBy(2);
        return Mono.fromCallable(() -> deliveries.lease(settings.parallel(), lease))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .flatMap(this::deliver, settings.parallel())
                .then();
    }

    private Mono<Void> deliver(Deliveries.Due due) {
        return Mono.fromCallable(() -> prepare(due))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(prepared -> prepared.map(this::send).orElse(Mono.empty()));
    }

    private record Prepared(Deliveries.Due due, Webhook webhook, LogRecord record, byte[] body) {}

    /** The endpoint and the event; a target that became internal fails the delivery for good, unsent. */
    private Optional<Prepared> prepare(Deliveries.Due due) throws Exception {
        Webhook webhook = webhooks.find(due.webhookId()).orElseThrow();
        List<LogRecord> records =
                integrationLog.between(due.position() - 1, due.position(), LogFilter.everything(Actor.system()), 1);
        Optional<String> refusal = TargetCheck.refusal(webhook.url(), webhook.privateNetworkAllowed());
        if (records.isEmpty() || refusal.isPresent()) {
            deliveries.failed(due, null, refusal.orElse("the event is no longer in the log"), 0, null);
            return Optional.empty();
        }
        LogRecord record = records.getFirst();
        return Optional.of(new Prepared(due, webhook, record, json.writeValueAsBytes(record.cloudEvent(source, json))));
    }

    private Mono<Void> send(Prepared prepared) {
        long timestamp = clock.instant().getEpochSecond();
        String id = prepared.record().eventId();
        long started = System.nanoTime();
        return http.post()
                .uri(prepared.webhook().url())
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        Signatures.sign(prepared.webhook().secret(), id, timestamp, prepared.body()))
                .header("User-Agent", "Vitrine-Webhooks/1")
                .bodyValue(prepared.body())
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(new Answer(
                                response.statusCode(),
                                response.headers().asHttpHeaders().getFirst("Retry-After"),
                                null)))
                .timeout(settings.timeout())
                .onErrorResume(failure -> Mono.just(new Answer(null, null, failure.toString())))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(answer -> settle(prepared, answer, (int) ((System.nanoTime() - started) / 1_000_000)))
                .then();
    }

    private record Answer(HttpStatusCode status, String retryAfter, String error) {}

    private void settle(Prepared prepared, Answer answer, int millis) {
        Deliveries.Due due = prepared.due();
        if (answer.status() != null && answer.status().is2xxSuccessful()) {
            deliveries.delivered(due, answer.status().value(), millis);
        } else if (answer.status() != null && answer.status().value() == 410) {
            webhooks.disable(prepared.webhook().id(), "the endpoint answered 410 Gone");
            deliveries.parked(due, 410, millis);
        } else {
            Instant next = RetryPlan.next(settings, due.attempts(), answer.retryAfter(), clock.instant());
            deliveries.failed(
                    due,
                    answer.status() == null ? null : answer.status().value(),
                    answer.error() == null ? "answered " + answer.status().value() : answer.error(),
                    millis,
                    next);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
