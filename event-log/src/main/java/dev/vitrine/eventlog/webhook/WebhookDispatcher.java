package dev.vitrine.eventlog.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.identity.AccountRights;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.eventlog.log.IntegrationLog;
import dev.vitrine.eventlog.log.LogFilter;
import dev.vitrine.eventlog.log.LogProcessor;
import dev.vitrine.eventlog.log.LogRecord;
import dev.vitrine.eventlog.log.LogSignal;
import dev.vitrine.eventlog.webhook.WebhookSender.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers due webhook deliveries: POSTs the event (CloudEvents JSON) signed the Standard Webhooks way, with the
 * event's id as {@code webhook-id} on every attempt, through {@link WebhookSender} (which checks the target again
 * and pins its address). 2xx: delivered. 410: the endpoint is disabled. A target no longer allowed: failed for good,
 * unsent. Anything else, or no answer: tried again after the next retry delay (or the endpoint's
 * {@code Retry-After}), until the delays are used up.
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
    private final WebhookSender sender;
    private final AccountRights rights;
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
            AccountRights rights) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.integrationLog = integrationLog;
        this.signal = signal;
        this.settings = settings;
        this.json = json;
        this.source = logSettings.source();
        this.clock = clock;
        this.rights = rights;
        this.sender = new WebhookSender(settings.timeout(), Names.SYSTEM);
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

    /**
     * The endpoint and the event. An event no longer in the log, or one the endpoint's owner may no longer see (a
     * role revoked, the gallery made private, the account deleted since it was logged), fails the delivery for good.
     */
    private Optional<Prepared> prepare(Deliveries.Due due) throws Exception {
        Webhook webhook = webhooks.find(due.webhookId()).orElseThrow();
        List<LogRecord> records =
                integrationLog.between(due.position() - 1, due.position(), LogFilter.everything(Actor.system()), 1);
        if (records.isEmpty()) {
            deliveries.failed(due, null, DeliveryError.EVENT_GONE.text(), 0, null);
            return Optional.empty();
        }
        LogRecord record = records.getFirst();
        Optional<Actor> owner = rights.of(webhook.ownerId()).map(AccountRights.Standing::actor);
        if (owner.filter(record::mayReach).isEmpty()) {
            deliveries.failed(due, null, DeliveryError.NOT_VISIBLE.text(), 0, null);
            return Optional.empty();
        }
        byte[] body = json.writeValueAsBytes(record.cloudEvent(source, json));
        return Optional.of(new Prepared(due, webhook, record, body));
    }

    private Mono<Void> send(Prepared prepared) {
        long timestamp = clock.instant().getEpochSecond();
        String id = prepared.record().eventId();
        Map<String, String> headers = Map.of(
                "Content-Type",
                MediaType.APPLICATION_JSON_VALUE,
                "webhook-id",
                id,
                "webhook-timestamp",
                Long.toString(timestamp),
                "webhook-signature",
                Signatures.sign(prepared.webhook().secret(), id, timestamp, prepared.body()),
                "User-Agent",
                "Vitrine-Webhooks/1");
        return sender.send(prepared.webhook(), headers, prepared.body())
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(answer -> settle(prepared, answer))
                .then();
    }

    /** 2xx: delivered. 410: the endpoint is disabled. A refused target: failed for good. Else: tried again. */
    private void settle(Prepared prepared, Answer answer) {
        Deliveries.Due due = prepared.due();
        Integer status = answer.status();
        if (status != null && status >= 200 && status < 300) {
            deliveries.delivered(due, status, answer.millis());
        } else if (status != null && status == 410) {
            webhooks.disable(prepared.webhook().id(), "the endpoint answered 410 Gone");
            deliveries.parked(due, 410, answer.millis());
        } else if (status == null && !answer.error().retried()) {
            deliveries.failed(due, null, answer.error().text(), answer.millis(), null);
        } else {
            Instant next = RetryPlan.next(settings, due.attempts(), answer.retryAfter(), clock.instant());
            deliveries.failed(
                    due,
                    status,
                    status == null ? answer.error().text() : DeliveryError.answered(status),
                    answer.millis(),
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
