package dev.vitrine.app.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitrine.app.embedded.EmbeddedSettings;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * One PostgreSQL, two kinds of connection: JDBC for Axon's event store, token store and Flyway; R2DBC for the
 * reactive read model and accounts. Both are declared here because Spring Boot's DataSource auto-configuration
 * backs off as soon as an R2DBC ConnectionFactory exists.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    PostgresServer postgresServer(DatabaseSettings settings, EmbeddedSettings embedded) {
        if (settings.configured()) {
            return new ExternalPostgres(
                    DatabaseEndpoint.fromJdbcUrl(settings.url(), settings.username(), settings.password()));
        }
        return EmbeddedPostgresServer.start(embedded.dataDir().resolve("postgres"), embedded.postgresPort());
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PostgresServer postgres, DatabaseTimeouts timeouts) {
        DatabaseEndpoint endpoint = postgres.endpoint();
        HikariDataSource dataSource = new HikariDataSource();
        // Hikari waits 30 s for a connection by default: with PostgreSQL away, a request would hang that long
        // before it could answer 503. spring.datasource.hikari.connection-timeout still wins when set.
        dataSource.setConnectionTimeout(timeouts.connectionTimeout().toMillis());
        long connectSeconds = Math.max(1, timeouts.connectionTimeout().toSeconds());
        dataSource.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
        dataSource.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
        dataSource.setJdbcUrl(endpoint.jdbcUrl());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        dataSource.setPoolName("vitrine-jdbc");
        // the read model writes its rows in batches; sent as multi-row statements they cost one round trip
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(PostgresServer postgres, R2dbcPoolSettings pool, DatabaseTimeouts timeouts) {
        DatabaseEndpoint endpoint = postgres.endpoint();
        var builder = PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host())
                .port(endpoint.port())
                .database(endpoint.database())
                .username(endpoint.username())
                .connectTimeout(timeouts.connectionTimeout())
                .applicationName("vitrine");
        if (endpoint.password() != null) {
            builder.password(endpoint.password());
        }
        ConnectionFactory postgresFactory = new PostgresqlConnectionFactory(builder.build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(postgresFactory)
                .name("vitrine-r2dbc")
                .initialSize(pool.initialSize())
                .maxSize(pool.maxSize())
                .maxIdleTime(pool.maxIdleTime())
                // without these a reader waits for a connection for ever while PostgreSQL is away
                .maxAcquireTime(timeouts.connectionTimeout())
                .maxCreateConnectionTime(timeouts.connectionTimeout())
                .maxValidationTime(timeouts.connectionTimeout())
                .validationQuery("SELECT 1")
                .build());
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    ReactiveTransactionManager reactiveTransactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    /**
     * @param initialSize       R2DBC connections opened at start
     * @param maxSize           R2DBC connections at most
     * @param maxIdleTime       how long a connection beyond what is needed stays open unused
     */
    @ConfigurationProperties("vitrine.r2dbc.pool")
    record R2dbcPoolSettings(
            @DefaultValue("2") int initialSize,
            @DefaultValue("20") int maxSize,
            @DefaultValue("10m") Duration maxIdleTime) {}

    /**
     * @param connectionTimeout how long a request waits for a database connection, JDBC or R2DBC, from the pool or
     *                          newly opened, before it is answered 503: the bound on a request while PostgreSQL is
     *                          away
     */
    @ConfigurationProperties("vitrine.database")
    record DatabaseTimeouts(@DefaultValue("10s") Duration connectionTimeout) {}
}
