package dev.vitrine.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at its own fresh database on the real PostgreSQL, its own job queue on the real RabbitMQ,
 * its own keys on the real Redis, and its embedded S3 server at its own directory and a free port.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_USERNAME = "root-admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            TestPropertyValues.of(
                            "spring.datasource.url=" + TestDatabases.createFor(context),
                            "spring.datasource.username=" + TestDatabases.user(),
                            "spring.datasource.password=" + TestDatabases.password(),
                            "vitrine.embedded.data-dir=" + Files.createTempDirectory("vitrine-it"),
                            "vitrine.embedded.s3-port=0",
                            // test apps stay cached while others run: idle ones give their connections back, so a few
                            // of them together stay under PostgreSQL's max_connections
                            "spring.datasource.hikari.minimum-idle=1",
                            "spring.datasource.hikari.idle-timeout=10000",
                            "vitrine.r2dbc.pool.initial-size=1",
                            "vitrine.r2dbc.pool.max-size=10",
                            "vitrine.r2dbc.pool.max-idle-time=10s",
                            // graceful Netty shutdown holds a test JVM for 30 s
                            "server.shutdown=immediate",
                            "vitrine.admin.username=" + ADMIN_USERNAME,
                            "vitrine.admin.password=" + ADMIN_PASSWORD,
                            "spring.rabbitmq.host=" + TestQueues.HOST,
                            "spring.data.redis.host=" + TestRedis.HOST,
                            "spring.data.redis.port=" + TestRedis.PORT,
                            "vitrine.cache.key-prefix=" + TestRedis.prefixFor(context),
                            "vitrine.processing.queue=" + TestQueues.createFor(context))
                    .applyTo(context);
            if (!context.getEnvironment().containsProperty("vitrine.limits.enabled")) {
                // tests register and sign in hundreds of times from one address; LimitsIT turns limits on
                TestPropertyValues.of("vitrine.limits.enabled=false").applyTo(context);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
