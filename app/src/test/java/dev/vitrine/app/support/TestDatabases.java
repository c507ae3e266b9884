package dev.vitrine.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fresh databases on the machine's real PostgreSQL (127.0.0.1:5432, or VITRINE_TEST_POSTGRES_URL), one per test
 * context, so that runs never see each other's data. They are dropped when their context closes, or when the JVM
 * ends.
 */
public final class TestDatabases {

    private static final String ADMIN_URL =
            System.getenv().getOrDefault("VITRINE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("VITRINE_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("VITRINE_TEST_POSTGRES_PASSWORD", "");

    private TestDatabases() {}

    /** Creates a database, dropped when the JVM ends, and answers its JDBC URL. */
    public static String create() {
        String name = newDatabase();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return url(name);
    }

    /**
     * Creates a database dropped after everything else of {@code context} has closed: a shutdown hook of its own
     * would race the context's, and processors that lose their database mid-shutdown hold the JVM for seconds.
     */
    public static String createFor(ConfigurableApplicationContext context) {
        String name = newDatabase();
        // registered first, destroyed last
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("testDatabase", () -> drop(name));
        return url(name);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String newDatabase() {
        String name =
                "vitrine_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        return name;
    }

    private static String url(String name) {
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    private static void drop(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException ignored) {
            // the server may be gone already at JVM exit; the name is unique, so a leftover harms nobody
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + ADMIN_URL + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
