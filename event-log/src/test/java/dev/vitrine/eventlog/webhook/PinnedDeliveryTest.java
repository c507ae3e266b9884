package dev.vitrine.eventlog.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vitrine.eventlog.webhook.TargetCheck.Allowed;
import dev.vitrine.eventlog.webhook.WebhookSender.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address the check approved, whatever the name resolves to by then (DNS rebinding),
 * keeps the registered name for the Host header and TLS, and tells the owner a class of error, never an address.
 * Real HTTP servers on loopback addresses; a stand-in for DNS plays the name.
 */
class PinnedDeliveryTest {

    static final InetAddress CHECKED = InetAddress.ofLiteral("127.0.0.2");
    static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");
    static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void the_connection_goes_to_the_checked_address_not_to_where_the_name_points_now() throws Exception {
        // localhost is 127.0.0.1 to the system (a client resolving again would go there); the check was told 127.0.0.2
        Receiver elsewhere = receiver(LOOPBACK, 0);
        Receiver checked = receiver(CHECKED, elsewhere.port());
        Names names = host -> host.equals("localhost") ? List.of(CHECKED) : Names.SYSTEM.resolve(host);

        Answer answer = send(names, "http://localhost:" + checked.port() + "/hook", true, Duration.ofSeconds(5));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(checked.hosts).containsExactly("localhost:" + checked.port());
        assertThat(checked.bodies).containsExactly(new String(BODY, StandardCharsets.UTF_8));
        assertThat(elsewhere.hosts).isEmpty();
    }

    @Test
    void a_name_that_points_at_this_machine_by_the_time_of_delivery_is_refused_unsent() throws Exception {
        Receiver here = receiver(LOOPBACK, 0);
        AtomicReference<InetAddress> dns = new AtomicReference<>(InetAddress.ofLiteral("93.184.215.14"));
        Names names = host -> List.of(dns.get());
        String url = "http://rebound.example:" + here.port() + "/hook";
        assertThat(TargetCheck.check(url, false, names)).isInstanceOf(Allowed.class); // at registration

        dns.set(LOOPBACK);
        Answer answer = send(names, url, false, Duration.ofSeconds(5));

        assertThat(answer.status()).isNull();
        assertThat(answer.error()).isEqualTo(DeliveryError.NOT_ALLOWED);
        assertThat(answer.error().retried()).isFalse();
        assertThat(answer.millis()).isZero();
        assertThat(here.hosts).isEmpty();
    }

    @Test
    void https_keeps_the_registered_name_for_the_server_name_indication() throws Exception {
        ServerSocket tls = new ServerSocket(0, 1, CHECKED);
        servers.add(tls);
        AtomicReference<String> hello = new AtomicReference<>("");
        Thread.ofVirtual().start(() -> {
            while (!tls.isClosed()) {
                try (Socket client = tls.accept()) {
                    hello.set(new String(readSome(client.getInputStream()), StandardCharsets.ISO_8859_1));
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        Names names = host -> host.equals("hooks.example") ? List.of(CHECKED) : List.of();

        Answer answer =
                send(names, "https://hooks.example:" + tls.getLocalPort() + "/hook", true, Duration.ofSeconds(5));

        assertThat(answer.status()).isNull();
        assertThat(hello.get()).contains("hooks.example").doesNotContain("127.0.0.2");
        assertThat(answer.error().text()).doesNotContain("127.0.0.2");
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        Receiver elsewhere = receiver(LOOPBACK, 0);
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(CHECKED, 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + elsewhere.port() + "/hook");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        servers.add(() -> redirecting.stop(0));

        Answer answer = send(
                host -> List.of(CHECKED),
                "http://hooks.example:" + redirecting.getAddress().getPort() + "/hook",
                true,
                Duration.ofSeconds(5));

        assertThat(answer.status()).isEqualTo(307);
        assertThat(elsewhere.hosts).isEmpty();
    }

    @Test
    void the_owner_is_told_a_class_of_error_never_an_address_or_a_port() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            closed = socket.getLocalPort();
        }
        ServerSocket silent = new ServerSocket(0, 1, LOOPBACK);
        servers.add(silent);
        Names names = host -> {
            throw new UnknownHostException(host + ": no such name at 10.0.0.53");
        };

        Answer refused = send(names, "http://127.0.0.1:" + closed + "/hook", true, Duration.ofSeconds(5));
        Answer unanswered =
                send(names, "http://127.0.0.1:" + silent.getLocalPort() + "/hook", true, Duration.ofMillis(300));
        Answer unresolved = send(names, "http://gone.example/hook", false, Duration.ofSeconds(5));

        assertThat(refused.error()).isEqualTo(DeliveryError.COULD_NOT_CONNECT);
        assertThat(unanswered.error()).isEqualTo(DeliveryError.TIMED_OUT);
        assertThat(unresolved.error()).isEqualTo(DeliveryError.UNRESOLVED);
        assertThat(List.of(refused, unanswered, unresolved)).allSatisfy(answer -> {
            assertThat(answer.error().retried()).isTrue();
            assertThat(answer.error().text()).doesNotContainPattern("\\d");
        });
    }

    @Test
    void errors_recorded_before_they_were_classed_are_not_echoed() {
        assertThat(DeliveryError.shown("WebClientRequestException: Connection refused: /10.0.0.5:5432 after 3 ms"))
                .isEqualTo("the delivery failed");
        assertThat(DeliveryError.shown("10.0.0.5 resolves to 10.0.0.5, on this machine or a private network"))
                .isEqualTo("the delivery failed");
        assertThat(DeliveryError.shown("answered 503")).isEqualTo("answered 503");
        assertThat(DeliveryError.shown("could not connect")).isEqualTo("could not connect");
        assertThat(DeliveryError.shown(null)).isNull();
    }

    private static Answer send(Names names, String url, boolean privateNetwork, Duration timeout) {
        Webhook webhook = new Webhook(
                UUID.randomUUID(),
                UUID.randomUUID(),
                url,
                List.of(),
                null,
                Signatures.newSecret(),
                privateNetwork,
                "active",
                null,
                Instant.now());
        return new WebhookSender(timeout, names)
                .send(webhook, Map.of("Content-Type", "application/json", "webhook-id", "1"), BODY)
                .block(Duration.ofSeconds(20));
    }

    /** An endpoint that records the Host header and body of each request, and answers 200. */
    private Receiver receiver(InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        Receiver receiver = new Receiver(server);
        server.createContext("/", exchange -> {
            receiver.hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            receiver.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return receiver;
    }

    record Receiver(HttpServer server, List<String> hosts, List<String> bodies) {

        Receiver(HttpServer server) {
            this(
                    server,
                    Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()));
        }

        int port() {
            return server.getAddress().getPort();
        }
    }

    /** What a client sends first (a TLS ClientHello, here), up to the first pause. */
    private static byte[] readSome(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        if (n > 0) {
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }
}
