package dev.vitrine.eventlog.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrine.api.integration.CloudEvent;
import dev.vitrine.api.integration.IntegrationTypes;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;

/**
 * The AsyncAPI 3 description of Vitrine's events: one message per CloudEvents type, its payload schema generated
 * from the contract records (the same ones the channels send), on the three channels that carry them.
 */
final class AsyncApiDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AsyncApiDocument() {}

    static ObjectNode build(String amqpExchange, String restrictedExchange) {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "Vitrine events").put("version", "1").put("description", """
                        What happens to galleries and images, as CloudEvents 1.0 (structured JSON). Every channel \
                        carries the same events with the same id and sequence (the event's position in Vitrine's \
                        integration log): drop duplicates by id, resume by sequence. Events of private and \
                        unlisted galleries reach only their owner, administrators and auditors; an image's events \
                        reach others only from its publication on; once a gallery stops being public, its earlier \
                        events are no longer replayed to others (the news that it stopped is). The stream and \
                        webhooks ask what their reader or owner may see again before every event they send. \
                        docs/integrations.md says it in full.""");
        doc.put("defaultContentType", "application/cloudevents+json");

        ObjectNode schemas = NODES.objectNode();
        schemas.set("CloudEvent", envelope());
        ObjectNode messages = NODES.objectNode();
        for (String type : IntegrationTypes.ALL) {
            Class<?> data = IntegrationTypes.dataOf(type);
            var resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(data);
            schemas.set(data.getSimpleName(), Json31.mapper().valueToTree(resolved.schema));
            resolved.referencedSchemas.forEach(
                    (name, schema) -> schemas.set(name, Json31.mapper().valueToTree(schema)));
            ObjectNode payload = NODES.objectNode();
            payload.putArray("allOf")
                    .add(ref("#/components/schemas/CloudEvent"))
                    .addObject()
                    .put("type", "object")
                    .set(
                            "properties",
                            NODES.objectNode()
                                    .<ObjectNode>set("type", NODES.objectNode().put("const", type))
                                    .set("data", ref("#/components/schemas/" + data.getSimpleName())));
            messages.putObject(type)
                    .put("name", type)
                    .put("title", type)
                    .put("contentType", "application/cloudevents+json")
                    .set("payload", payload);
        }

        ObjectNode channels = doc.putObject("channels");
        channel(
                        channels,
                        "publicEvents",
                        amqpExchange,
                        "Events of public galleries: a topic exchange, routing key = "
                                + "the CloudEvents type (bind e.g. dev.vitrine.image.#)")
                .putObject("bindings")
                .putObject("amqp")
                .put("is", "routingKey")
                .put("bindingVersion", "0.3.0")
                .putObject("exchange")
                .put("name", amqpExchange)
                .put("type", "topic")
                .put("durable", true);
        channel(
                        channels,
                        "restrictedEvents",
                        restrictedExchange,
                        "Events of private and unlisted galleries, for "
                                + "consumers allowed to see every gallery (grant it with RabbitMQ permissions)")
                .putObject("bindings")
                .putObject("amqp")
                .put("is", "routingKey")
                .put("bindingVersion", "0.3.0")
                .putObject("exchange")
                .put("name", restrictedExchange)
                .put("type", "topic")
                .put("durable", true);
        channel(
                channels,
                "eventStream",
                "/api/events/stream",
                "Server-Sent Events: each event's id is its position; "
                        + "resume with Last-Event-ID or ?after=; filter with ?type= and ?galleryId=. Signed-in callers also "
                        + "get the events of their own private and unlisted galleries.");
        channel(
                        channels,
                        "webhooks",
                        "{endpoint}",
                        "POSTed to every registered endpoint (POST /api/webhooks), "
                                + "signed per Standard Webhooks 1.0: webhook-id (the event id, the same on every attempt), "
                                + "webhook-timestamp, webhook-signature = v1,base64(HMAC-SHA256(secret, id.timestamp.body)). "
                                + "Retried with back-off for about three days; Retry-After is honoured; 410 disables the endpoint.")
                .putObject("parameters")
                .putObject("endpoint")
                .put("description", "the endpoint's URL");

        ObjectNode operations = doc.putObject("operations");
        for (String channel : new String[] {"publicEvents", "restrictedEvents", "eventStream", "webhooks"}) {
            operations
                    .putObject("receive" + Character.toUpperCase(channel.charAt(0)) + channel.substring(1))
                    .put("action", "receive")
                    .set("channel", ref("#/channels/" + channel));
        }
        doc.putObject("components").<ObjectNode>set("messages", messages).set("schemas", schemas);
        return doc;
    }

    private static ObjectNode channel(ObjectNode channels, String name, String address, String description) {
        ObjectNode channel = channels.putObject(name).put("address", address).put("description", description);
        ObjectNode messages = channel.putObject("messages");
        for (String type : IntegrationTypes.ALL) {
            messages.set(type, ref("#/components/messages/" + type));
        }
        return channel;
    }

    private static JsonNode envelope() {
        ObjectNode schema = NODES.objectNode()
                .put("type", "object")
                .put("description", "CloudEvents 1.0 attributes (structured mode)");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", CloudEvent.SPEC_VERSION);
        properties
                .putObject("id")
                .put("type", "string")
                .put("description", "the event's id: the same on every " + "delivery of it");
        properties.putObject("source").put("type", "string").put("format", "uri-reference");
        properties.putObject("type").put("type", "string");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties
                .putObject("subject")
                .put("type", "string")
                .put("description", "galleries/{id} or " + "galleries/{id}/images/{imageId}");
        properties
                .putObject("partitionkey")
                .put("type", "string")
                .put("description", "the gallery's id: events " + "of one gallery are in order");
        properties
                .putObject("sequence")
                .put("type", "string")
                .put("pattern", "^[0-9]{19}$")
                .put("description", "position in Vitrine's integration log, zero-padded to sort as text");
        properties.putObject("datacontenttype").put("const", CloudEvent.CONTENT_TYPE);
        properties.putObject("data").put("type", "object");
        schema.putArray("required")
                .add("specversion")
                .add("id")
                .add("source")
                .add("type")
                .add("time")
                .add("subject")
                .add("partitionkey")
                .add("sequence")
                .add("data");
        return schema;
    }

    private static ObjectNode ref(String to) {
        return NODES.objectNode().put("$ref", to);
    }
}
