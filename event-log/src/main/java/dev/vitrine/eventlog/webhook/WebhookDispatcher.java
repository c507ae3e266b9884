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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers due webhook deliveries: POSTs the event (CloudEvents JSON, structured mode) signed the Standard Webhooks
 * way, with the event's id as {@code webhook-id} on every attempt, through {@link WebhookSender} (which checks the
 * target again and pins its address). 2xx: delivered. 410: the endpoint is disabled. A target that cannot be
 * delivered to (a URL that does not parse, or an address no longer allowed): the delivery fails for good, unsent,
 * and the endpoint is disabled with the reason. Anything else, or no answer: tried again after the next retry delay
 * (or the endpoint's {@code Retry-After}), until the delays are used up.
 *
 * <p>Every delivery is on its own: whatever goes wrong with one — its endpoint, its event, its signature, a read
 * that throws — is recorded on that delivery (and retried when it may pass), never the failure of the others. The
 * deliveries do not go in rounds that wait for their slowest: a place frees as soon as its delivery is settled, and
 * the next due delivery takes it, so a slow endpoint holds up its own deliveries and no one else's.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    /** Structured-mode CloudEvents, which the CloudEvents SDKs recognise by this type (and only by it). */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

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
    /** Deliveries leased and not settled yet, on this node. */
    private final AtomicInteger inFlight = new AtomicInteger();

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
        // deliver() never fails (each delivery's failure is its own): nothing ends this pipeline but stop()
        running = Flux.merge(signal.heads(), Flux.interval(settings.poll()))
                .onBackpressureLatest()
                .concatMap(tick -> lease(), 1)
                .flatMap(this::deliver, settings.parallel())
                .subscribe();
    }

    /**
     * Leases as many due deliveries as there are free places. An endpoint gets a quarter of the places at most, so
     * that one with many galleries waiting, slow or failing, leaves room for the others.
     */
    private Flux<Deliveries.Due> lease() {
        int free = settings.parallel() - inFlight.get();
        if (free <= 0) {
            return Flux.empty();
        }
        int perEndpoint = Math.max(1, settings.parallel() / 4);
        Duration lease = settings.timeout().multipliedBy(2);
        return Mono.fromCallable(() -> deliveries.lease(free, perEndpoint, lease))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapIterable(due -> due)
                .doOnNext(due -> inFlight.incrementAndGet())
                .onErrorResume(failure -> {
                    log.warn("Webhook deliveries could not be looked up: {}", failure.toString());
                    return Flux.empty();
                });
    }

    /** One delivery, start to end; it completes, whatever happened, once the outcome is recorded. */
    private Mono<Void> deliver(Deliveries.Due due) {
        return Mono.fromCallable(() -> prepare(due))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(prepared -> prepared.map(this::send).orElse(Mono.empty()))
                .onErrorResume(failure -> failedHere(due, failure))
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    private record Prepared(Deliveries.Due due, Webhook webhook, LogRecord record, byte[] body) {}

    /**
     * The endpoint and the event. An event no longer in the log, or one the endpoint's owner may no longer see (a
     * role revoked, the gallery made private, the account deleted since it was logged), fails the delivery for good.
     * An endpoint deleted since the lease took its deliveries with it: nothing is left to record.
     */
    private Optional<Prepared> prepare(Deliveries.Due due) throws Exception {
        Optional<Webhook> found = webhooks.find(due.webhookId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Webhook webhook = found.get();
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
        return Mono.defer(() -> {
                    long timestamp = clock.instant().getEpochSecond();
                    String id = prepared.record().eventId();
                    Map<String, String> headers = Map.of(
                            "Content-Type",
                            CONTENT_TYPE,
                            "webhook-id",
                            id,
                            "webhook-timestamp",
                            Long.toString(timestamp),
                            "webhook-signature",
                            Signatures.sign(prepared.webhook().secret(), id, timestamp, prepared.body()),
                            "User-Agent",
                            "Vitrine-Webhooks/1");
                    return sender.send(prepared.webhook(), headers, prepared.body());
                })
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(answer -> settle(prepared, answer))
                .then();
    }

    /**
     * 2xx: delivered. 410: the endpoint is disabled. A refused target: failed for good, and when the URL itself
     * cannot be delivered to, the endpoint is disabled. Else: tried again.
     */
    private void settle(Prepared prepared, Answer answer) {
        Deliveries.Due due = prepared.due();
        Integer status = answer.status();
        if (status != null && status >= 200 && status < 300) {
            deliveries.delivered(due, status, answer.millis());
        } else if (status != null && status == 410) {
            webhooks.disable(prepared.webhook().id(), "the endpoint answered 410 Gone");
            deliveries.parked(due, 410, answer.millis());
        } else if (answer.refusal() != null && answer.refusal() != TargetCheck.Refusal.UNRESOLVED) {
            // every later delivery would be refused the same way: they wait, disabled, rather than fail one by one
            webhooks.disable(
                    prepared.webhook().id(),
                    "Vitrine may not deliver to this URL: " + answer.refusal().message());
            deliveries.failed(due, null, answer.error().text(), answer.millis(), null);
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

    /**
     * A failure of Vitrine's own with this delivery (its event would not serialise, its signature could not be made,
     * a read or a write threw): recorded as such and tried again like a failed attempt, the details in the server's
     * log only. When even that cannot be recorded (the database is away), its lease runs out and it is due again.
     */
    private Mono<Void> failedHere(Deliveries.Due due, Throwable failure) {
        return Mono.<Void>fromRunnable(() -> {
                    log.warn(
                            "Webhook delivery {} of endpoint {} failed in Vitrine", due.id(), due.webhookId(), failure);
                    Instant next = RetryPlan.next(settings, due.attempts(), null, clock.instant());
                    deliveries.failed(due, null, DeliveryError.INTERNAL.text(), 0, next);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(unrecorded -> {
                    log.warn(
                            "Webhook delivery {} failed and could not be recorded; tried again when its lease ends: {}",
                            due.id(),
                            unrecorded.toString());
                    return Mono.empty();
                });
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
