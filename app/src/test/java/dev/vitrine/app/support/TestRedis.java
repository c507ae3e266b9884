package dev.vitrine.app.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The machine's real Redis (127.0.0.1:6379, or VITRINE_TEST_REDIS_HOST/PORT), with a key prefix of its own per
 * test context; the context's keys are deleted when it closes.
 */
public final class TestRedis {

    public static final String HOST = System.getenv().getOrDefault("VITRINE_TEST_REDIS_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("VITRINE_TEST_REDIS_PORT", "6379"));

    private TestRedis() {}

    public static String prefixFor(ConfigurableApplicationContext context) {
        String prefix = "vitrine-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("testRedisKeys", () -> deleteKeys(HOST, PORT, prefix));
        return prefix;
    }

    /** Every key starting with {@code prefix}. */
    public static List<String> keys(String host, int port, String prefix) {
        RedisClient client = RedisClient.create("redis://" + host + ":" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = new ArrayList<>();
            ScanIterator.scan(
                            connection.sync(),
                            ScanArgs.Builder.matches(prefix + "*").limit(1000))
                    .forEachRemaining(keys::add);
            return keys;
        } finally {
            client.shutdown();
        }
    }

    /** How long a key lives still (ms): -1 for a key that lives for good, -2 for none (Redis's PTTL). */
    public static long timeToLive(String host, int port, String key) {
        RedisClient client = RedisClient.create("redis://" + host + ":" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pttl(key);
        } finally {
            client.shutdown();
        }
    }

    public static void deleteKeys(String host, int port, String prefix) {
        try {
            List<String> keys = keys(host, port, prefix);
            if (keys.isEmpty()) {
                return;
            }
            RedisClient client = RedisClient.create("redis://" + host + ":" + port);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().del(keys.toArray(String[]::new));
            } finally {
                client.shutdown();
            }
        } catch (RuntimeException ignored) {
            // Redis may be gone; the prefix is unique and answers expire, so leftovers harm nobody
        }
    }
}
