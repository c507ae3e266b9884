// A sample integrator: follows Vitrine's events over AMQP and receives its webhooks, checking their signatures.
//   java -cp amqp-client.jar:slf4j-api.jar Integrator.java [--amqp=amqp://guest:guest@127.0.0.1:5672]
//        [--bind=dev.vitrine.#] [--webhook-port=8099] [--secret-file=webhook-secret.txt]
// Each event it takes prints as one line: "amqp <type> <id> <subject>" or "webhook verified <type> <id>".
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Integrator {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        ConnectionFactory amqp = new ConnectionFactory();
        amqp.setUri(o.getOrDefault("amqp", "amqp://guest:guest@127.0.0.1:5672"));
        Channel channel = amqp.newConnection().createChannel();
        channel.exchangeDeclare("vitrine.events", "topic", true);
        String queue = channel.queueDeclare().getQueue(); // this integrator's own, gone when it stops
        channel.queueBind(queue, "vitrine.events", o.getOrDefault("bind", "dev.vitrine.#"));
        channel.basicConsume(
                queue,
                true,
                (tag, message) -> {
                    String event = new String(message.getBody(), StandardCharsets.UTF_8);
                    System.out.println("amqp " + field(event, "type") + " "
                            + message.getProperties().getMessageId() + " " + field(event, "subject"));
                },
                tag -> {});

        Path secretFile = Path.of(o.getOrDefault("secret-file", "webhook-secret.txt"));
        HttpServer webhooks =
                HttpServer.create(new InetSocketAddress(Integer.parseInt(o.getOrDefault("webhook-port", "8099"))), 0);
        webhooks.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String signed = id + "." + exchange.getRequestHeaders().getFirst("webhook-timestamp") + ".";
            String expected = sign(Files.readString(secretFile).trim(), signed, body);
            boolean ok = Arrays.asList(exchange.getRequestHeaders()
                            .getFirst("webhook-signature")
                            .split(" "))
                    .contains(expected);
            System.out.println("webhook " + (ok ? "verified " : "REJECTED ")
                    + field(new String(body, StandardCharsets.UTF_8), "type") + " " + id);
            exchange.sendResponseHeaders(ok ? 204 : 401, -1);
            exchange.close();
        });
        webhooks.start();
        System.out.println("integrator ready");
    }

    static String sign(String secret, String signed, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update(signed.getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) { // enough JSON for a sample: top-level string fields
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
