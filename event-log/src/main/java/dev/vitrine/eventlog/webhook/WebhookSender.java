package dev.vitrine.eventlog.webhook;

import dev.vitrine.eventlog.webhook.TargetCheck.Allowed;
import dev.vitrine.eventlog.webhook.TargetCheck.Refused;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Makes one attempt of a delivery: checks the target again, then POSTs to the addresses the check approved and no
 * other.
 *
 * <p>The address is pinned by giving Reactor Netty a resolver that answers the checked addresses for the checked
 * name, rather than by connecting to an IP literal: the request keeps the URL as registered, so the {@code Host}
 * header, the TLS server name (SNI) and the certificate's host-name verification (Reactor Netty checks it by
 * default) all stay on the registered name, while the TCP connection can only go where the check looked. Each
 * attempt has a connection of its own: a pooled one would have been opened to what the name meant at some earlier
 * check. No proxy, and no redirect is followed: either would send the request somewhere unchecked.
 */
final class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /**
     * An attempt's outcome: the status answered, or the class of error that kept an answer from coming, and, when
     * the target was refused before sending, why.
     */
    record Answer(Integer status, String retryAfter, DeliveryError error, TargetCheck.Refusal refusal, int millis) {

        static Answer answered(int status, String retryAfter, int millis) {
            return new Answer(status, retryAfter, null, null, millis);
        }

        static Answer failed(DeliveryError error, int millis) {
            return new Answer(null, null, error, null, millis);
        }

        static Answer refused(TargetCheck.Refusal refusal) {
            return new Answer(null, null, DeliveryError.of(refusal), refusal, 0);
        }
    }

    private final Duration timeout;
    private final Names names;

    WebhookSender(Duration timeout, Names names) {
        this.timeout = timeout;
        this.names = names;
    }

    /**
     * The attempt, within the timeout as a whole: resolving the name too, so that a slow name server, like a slow
     * endpoint, holds up this delivery and no other. A failure of Vitrine's own (not the endpoint's) is the
     * returned Mono's error.
     */
    Mono<Answer> send(Webhook webhook, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        return Mono.fromCallable(() -> TargetCheck.check(webhook.url(), webhook.privateNetworkAllowed(), names))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(verdict -> switch (verdict) {
                    case Refused refused -> {
                        log.warn("Webhook {} not delivered to: {}", webhook.id(), refused.detail());
                        yield Mono.just(Answer.refused(refused.refusal()));
                    }
                    case Allowed target -> post(webhook, target, headers, body);
                })
                .timeout(timeout, Mono.fromSupplier(() -> {
                    log.info("Webhook {} delivery got no answer within {}", webhook.id(), timeout);
                    return Answer.failed(DeliveryError.TIMED_OUT, millisSince(started));
                }));
    }

    private Mono<Answer> post(Webhook webhook, Allowed target, Map<String, String> headers, byte[] body) {
        PinnedResolver pinned = new PinnedResolver(target.host(), target.addresses());
        long started = System.nanoTime();
        return HttpClient.create(ConnectionProvider.newConnection())
                .resolver(pinned)
                .noProxy()
                .followRedirect(false)
                .headers(outgoing -> headers.forEach(outgoing::set))
                .post()
                .uri(target.uri())
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response()
                .map(response -> Answer.answered(
                        response.status().code(), response.responseHeaders().get("Retry-After"), millisSince(started)))
                .onErrorResume(failure -> {
                    log.info(
                            "Webhook {} delivery to {} ({}) failed: {}",
                            webhook.id(),
                            target.host(),
                            target.addresses(),
                            failure.toString());
                    return Mono.just(Answer.failed(DeliveryError.of(failure), millisSince(started)));
                })
                .doFinally(signal -> pinned.close());
    }

    private static int millisSince(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
