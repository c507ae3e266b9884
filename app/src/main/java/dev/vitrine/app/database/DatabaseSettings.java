package dev.vitrine.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The standard Spring settings for the database. When {@code url} is not set, Vitrine runs an embedded PostgreSQL.
 *
 * @param url      a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/vitrine}); R2DBC uses the same place
 * @param username the database user
 * @param password its password
 */
@ConfigurationProperties("spring.datasource")
public record DatabaseSettings(String url, String username, String password) {

    boolean configured() {
        return url != null && !url.isBlank();
    }
}
