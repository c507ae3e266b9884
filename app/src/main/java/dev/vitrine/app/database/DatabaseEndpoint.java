package dev.vitrine.app.database;

import java.util.Properties;
import org.postgresql.Driver;

/** Where the PostgreSQL database is, for both JDBC (event store, Flyway) and R2DBC (read model, accounts). */
public record DatabaseEndpoint(
        String jdbcUrl, String host, int port, String database, String username, String password) {

    public static DatabaseEndpoint fromJdbcUrl(String jdbcUrl, String username, String password) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
        String user = username != null ? username : parsed.getProperty("user", "postgres");
        String secret = password != null ? password : parsed.getProperty("password");
        return new DatabaseEndpoint(jdbcUrl, host, port, parsed.getProperty("PGDBNAME"), user, secret);
    }

    /** The URL without credentials, fit for a log line. */
    public String describe() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
