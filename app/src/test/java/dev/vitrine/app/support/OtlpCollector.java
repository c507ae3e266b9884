package dev.vitrine.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for nodes started as processes: what each node's exporter sends, decoded as a real
 * collector would, and kept in memory. Nodes tell themselves apart by their {@code vitrine.node} resource attribute.
 */
public final class OtlpCollector implements AutoCloseable {

    public static final String NODE_ATTRIBUTE = "vitrine.node";

    private final HttpServer server;
    private final List<Trace.Span> spans = new CopyOnWriteArrayList<>();

    public OtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** The arguments that make a node export every trace here, as this node. */
    public List<String> arguments(String node) {
        return List.of(
                "--management.otlp.tracing.endpoint=http://127.0.0.1:"
                        + server.getAddress().getPort() + "/v1/traces",
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.resource-attributes." + NODE_ATTRIBUTE + "=" + node);
    }

    public List<Trace.Span> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body =
                "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody())
                        : exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            request.getResourceSpansList().forEach(resourceSpans -> {
                String node = attributes(resourceSpans.getResource()).getOrDefault(NODE_ATTRIBUTE, "");
                resourceSpans
                        .getScopeSpansList()
                        .forEach(scope -> scope.getSpansList()
                                .forEach(span -> spans.add(new Trace.Span(
                                        hex(span.getTraceId().toByteArray()),
                                        hex(span.getSpanId().toByteArray()),
                                        hex(span.getParentSpanId().toByteArray()),
                                        span.getName(),
                                        node,
                                        attributes(span.getAttributesList())))));
            });
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            if (answer.length == 0) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()), (a, b) -> b));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    /** As OpenTelemetry's SDK writes ids: lower-case hex; a root span's missing parent as the SDK's zeros. */
    private static String hex(byte[] id) {
        return id.length == 0 ? "0000000000000000" : HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
