package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** The two webhook endpoints of the broken-webhook scenario: one that never answers, one that receives. */
final class WebhookEndpoints {

    private WebhookEndpoints() {}

    /** Accepts connections and never answers: each delivery waits out Vitrine's timeout. */
    static final class BlackHole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        BlackHole() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket); // kept open, never read from, never answered
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/never-answers";
        }

        int connections() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            acceptor.join(Duration.ofSeconds(5));
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /** One delivery as it arrived: its webhook-id, the event's type, image, time, and when it was received. */
    record Received(String webhookId, String type, String imageId, Instant eventTime, Instant receivedAt) {}

    /** Answers every delivery 204 at once and keeps what it received. */
    static final class Receiver implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpServer server;
        final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/hook", exchange -> {
                Instant at = Instant.now();
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    try {
                        JsonNode event = JSON.readTree(body);
                        received.add(new Received(
                                exchange.getRequestHeaders().getFirst("webhook-id"),
                                event.path("type").asText(),
                                event.path("data").path("imageId").asText(null),
                                Instant.parse(event.path("time").asText()),
                                at));
                    } catch (RuntimeException | IOException unreadable) {
                        received.add(new Received(
                                exchange.getRequestHeaders().getFirst("webhook-id"), "unreadable", null, at, at));
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
