package dev.vitrine.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A seeded history in a database of the local PostgreSQL, made once with {@code vitrine.jar seed} and kept for the
 * next runs (seeding a million images takes minutes).
 */
record DataSet(String name, String database, int galleries, int images) {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    static final DataSet SMALL = new DataSet("1k images", "vitrine_bench_1k", 1, 1_000);
    static final DataSet LARGE = new DataSet("1M images", "vitrine_bench_1m", 10_000, 1_000_000);

    /** The gallery with the most images, and who owns it. */
    record Gallery(UUID id, int images, String visibility, String owner) {}

    void ensureSeeded(Path jar) throws Exception {
        if (!exists()) {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE " + database);
            }
        }
        if (events() > 0) {
            System.out.printf("%s: seeded before (%,d events in %s)%n", name, events(), database);
            return;
        }
        System.out.printf("%s: seeding %,d galleries, %,d images into %s …%n", name, galleries, images, database);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process seed = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        jar.toString(),
                        "seed",
                        "--database=" + POSTGRES + database,
                        "--galleries=" + galleries,
                        "--images=" + images))
                .inheritIO()
                .start();
        if (seed.waitFor() != 0) {
            throw new IOException("seeding " + database + " failed");
        }
    }

    long events() throws SQLException {
        try (Connection db = connect();
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException missingTable) {
            return 0;
        }
    }

    Gallery largestGallery() throws SQLException {
        try (Connection db = connect();
                ResultSet rows = db.createStatement().executeQuery("""
                SELECT g.id, g.image_count, g.visibility, a.username FROM gallery_view g
                JOIN account a ON a.id = g.owner_id ORDER BY g.image_count DESC LIMIT 1""")) {
            rows.next();
            return new Gallery(rows.getObject(1, UUID.class), rows.getInt(2), rows.getString(3), rows.getString(4));
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(POSTGRES + database, "postgres", "");
    }

    private boolean exists() throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                ResultSet rows = admin.createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rows.next();
        }
    }
}
