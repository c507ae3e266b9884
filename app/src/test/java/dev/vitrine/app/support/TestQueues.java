package dev.vitrine.app.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Job queues of their own on the machine's real RabbitMQ (127.0.0.1:5672, guest), one per test context; they and
 * their dead-letter queues are deleted when their context closes, or when the JVM ends.
 */
public final class TestQueues {

    public static final String HOST = System.getenv().getOrDefault("VITRINE_TEST_RABBITMQ_HOST", "127.0.0.1");

    private TestQueues() {}

    /** A queue name whose queues are deleted when the JVM ends. */
    public static String create() {
        String name = newName();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(name)));
        return name;
    }

    /** A queue name whose queues are deleted after everything else of {@code context} has closed. */
    public static String createFor(ConfigurableApplicationContext context) {
        String name = newName();
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("testQueue", () -> delete(name));
        return name;
    }

    /** Jobs waiting (both phases), as the broker counts them. */
    public static long depth(String queue) {
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            return channel.messageCount(queue) + channel.messageCount(queue + ".complete");
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ at " + HOST + " is needed for this test: " + e.getMessage(), e);
        }
    }

    private static String newName() {
        return "vitrine-it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void delete(String name) {
        try (Connection connection = factory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(name);
            channel.queueDelete(name + ".complete");
            channel.queueDelete(name + ".dead");
        } catch (Exception ignored) {
            // the broker may be gone at JVM exit; the name is unique, so a leftover harms nobody
        }
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        return factory;
    }
}
