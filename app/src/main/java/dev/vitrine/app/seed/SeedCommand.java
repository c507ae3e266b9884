package dev.vitrine.app.seed;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar vitrine.jar seed --database=jdbc:postgresql://host/db [--user=postgres] [--password=]
 * [--galleries=10000] [--images=1000000] [--seed=1]}: fills an empty database with made-up history for
 * benchmarks. Start Vitrine on that database afterwards: its read model builds itself from the history.
 */
public final class SeedCommand {

    private SeedCommand() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                fail("unexpected argument " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String database = options.get("database");
        if (database == null) {
            fail("--database=jdbc:postgresql://host:port/name is required (an empty database)");
        }
        SeedPlan plan = new SeedPlan(
                Integer.parseInt(options.getOrDefault("galleries", "10000")),
                Integer.parseInt(options.getOrDefault("images", "1000000")),
                Long.parseLong(options.getOrDefault("seed", "1")));
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(database);
            dataSource.setUsername(options.getOrDefault("user", "postgres"));
            dataSource.setPassword(options.getOrDefault("password", ""));
            dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
            SeedResult result = EventSeeder.seed(dataSource, plan, line -> System.out.println("  " + line));
            SeedResult.SeededGallery largest = result.largest();
            System.out.printf(
                    """
                    seeded %,d galleries, %,d images, %,d events in %.1f s (%,.0f events/s)
                    largest gallery: %s (%,d images, %s, owner %s / %s)
                    """,
                    result.galleries().size(),
                    result.images(),
                    result.events(),
                    result.took().toMillis() / 1000.0,
                    result.events() / Math.max(0.001, result.took().toMillis() / 1000.0),
                    largest.id(),
                    largest.images(),
                    largest.visibility().wireName(),
                    largest.ownerUsername(),
                    result.ownerPassword());
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("seed: " + message);
        System.exit(2);
    }
}
