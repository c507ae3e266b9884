package dev.vitrine.eventlog.webhook;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.identity.Caller;
import dev.vitrine.api.integration.IntegrationTypes;
import dev.vitrine.api.webhook.RegisterWebhookRequest;
import dev.vitrine.api.webhook.WebhookDeliveryView;
import dev.vitrine.api.webhook.WebhookView;
import dev.vitrine.eventlog.webhook.TargetCheck.Refused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Integrators register endpoints for the events they want, see how each delivery went, and ask for one again.
 * Everyone sees and manages only their own endpoints (administrators every endpoint).
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Events")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Webhooks webhooks;
    private final DeliveryLog deliveryLog;
    private final Deliveries deliveries;
    private final Clock clock;

    WebhookController(Webhooks webhooks, DeliveryLog deliveryLog, Deliveries deliveries, Clock clock) {
        this.webhooks = webhooks;
        this.deliveryLog = deliveryLog;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register an endpoint; the answer holds its signing secret, shown this once")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<WebhookView>> register(@Valid @RequestBody RegisterWebhookRequest body, Caller caller) {
        return blocking(() -> {
            List<String> types = body.types() == null ? List.of() : List.copyOf(body.types());
            for (String type : types) {
                if (!IntegrationTypes.DATA.containsKey(type)) {
                    throw new RejectedException(
                            ErrorCode.INVALID_FIELD,
                            "types",
                            "no event type " + type + "; the types are " + IntegrationTypes.ALL);
                }
            }
            boolean privateNetwork = Boolean.TRUE.equals(body.allowPrivateNetwork());
            if (privateNetwork && !caller.actor().admin()) {
                throw new RejectedException(
                        ErrorCode.FORBIDDEN,
                        "allowPrivateNetwork",
                        "only an administrator may allow a target on a private network");
            }
            if (TargetCheck.check(body.url(), privateNetwork, Names.SYSTEM) instanceof Refused refused) {
                log.info("Webhook target refused for {}: {}", caller.actor().userId(), refused.detail());
                throw new RejectedException(
                        ErrorCode.REFUSED_TARGET, "url", refused.refusal().message());
            }
            Webhook webhook = webhooks.create(new Webhook(
                    UUID.randomUUID(),
                    caller.actor().userId(),
                    body.url(),
                    types,
                    body.galleryId(),
                    Signatures.newSecret(),
                    privateNetwork,
                    "active",
                    null,
                    clock.instant()));
            return ResponseEntity.created(URI.create("/api/webhooks/" + webhook.id()))
                    .body(webhook.view(true));
        });
    }

    @GetMapping
    @Operation(summary = "Your endpoints")
    Mono<List<WebhookView>> list(Caller caller) {
        return blocking(() -> webhooks.of(caller.actor().userId()).stream()
                .map(w -> w.view(false))
                .toList());
    }

    @GetMapping("/{webhookId}")
    @Operation(summary = "One of your endpoints")
    Mono<WebhookView> get(@PathVariable UUID webhookId, Caller caller) {
        return blocking(() -> owned(webhookId, caller).view(false));
    }

    @DeleteMapping("/{webhookId}")
    @Operation(summary = "Remove an endpoint and its delivery log")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID webhookId, Caller caller) {
        return blocking(() -> {
            webhooks.delete(owned(webhookId, caller).id());
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/{webhookId}/enable")
    @Operation(summary = "Deliver to a disabled endpoint again (what waited is delivered first)")
    Mono<WebhookView> enable(@PathVariable UUID webhookId, Caller caller) {
        return blocking(() -> {
            webhooks.enable(owned(webhookId, caller).id());
            return owned(webhookId, caller).view(false);
        });
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first, each with its attempts")
    Mono<List<WebhookDeliveryView>> deliveries(
            @PathVariable UUID webhookId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            Caller caller) {
        return blocking(() -> deliveryLog.of(owned(webhookId, caller).id(), limit));
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Deliver an event again (same webhook-id), now")
    @ApiResponse(responseCode = "202", description = "Queued again")
    Mono<ResponseEntity<Void>> redeliver(@PathVariable UUID webhookId, @PathVariable long deliveryId, Caller caller) {
        return blocking(() -> {
            if (!deliveries.redeliver(owned(webhookId, caller).id(), deliveryId)) {
                throw new RejectedException(
                        ErrorCode.DELIVERY_NOT_FOUND, "deliveryId", "no delivery " + deliveryId + " of this endpoint");
            }
            return ResponseEntity.accepted().build();
        });
    }

    private Webhook owned(UUID webhookId, Caller caller) {
        return webhooks.find(webhookId)
                .filter(w -> caller.actor().mayManage(w.ownerId()))
                .orElseThrow(() ->
                        new RejectedException(ErrorCode.WEBHOOK_NOT_FOUND, "webhookId", "no endpoint " + webhookId));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
