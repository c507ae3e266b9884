package dev.vitrine.eventlog.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/asyncapi.json}: the AsyncAPI 3 document of Vitrine's events. */
@RestController
@Tag(name = "Events")
class AsyncApiController {

    private final ObjectNode document;

    AsyncApiController(
            @Value("${vitrine.events.amqp.exchange:vitrine.events}") String exchange,
            @Value("${vitrine.events.amqp.restricted-exchange:vitrine.events.private}") String restricted) {
        this.document = AsyncApiDocument.build(exchange, restricted);
    }

    @GetMapping(path = "/api/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The AsyncAPI 3 document of the events integrators receive (AMQP, event stream, webhooks)")
    ObjectNode document() {
        return document;
    }
}
