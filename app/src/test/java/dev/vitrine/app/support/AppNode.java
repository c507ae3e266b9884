package dev.vitrine.app.support;

import dev.vitrine.app.VitrineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One running Vitrine, started by a test that needs several of them or needs to restart one. */
public final class AppNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AppNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an app on the given database, with its own object store directory, job queue and a random port;
     * {@code properties} ("name=value") add to or replace these.
     */
    public static AppNode start(String name, String jdbcUrl, String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String property : List.of(
                "server.port=0",
                "server.shutdown=immediate",
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + TestDatabases.user(),
                "spring.datasource.password=" + TestDatabases.password(),
                "vitrine.embedded.data-dir=" + tempDir(name),
                "vitrine.embedded.s3-port=0",
                "spring.datasource.hikari.minimum-idle=1",
                "vitrine.r2dbc.pool.initial-size=1",
                "vitrine.r2dbc.pool.max-size=10",
                "spring.rabbitmq.host=" + TestQueues.HOST,
                "vitrine.processing.queue=" + TestQueues.create())) {
            put(all, property);
        }
        for (String property : properties) {
            put(all, property);
        }
        // as command-line arguments, so that they win over application.yml
        return new AppNode(new SpringApplicationBuilder(VitrineApplication.class)
                .run(all.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new)));
    }

    private static void put(Map<String, String> properties, String property) {
        int equals = property.indexOf('=');
        properties.put(property.substring(0, equals), property.substring(equals + 1));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port())
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    public Api api() {
        return new Api(http());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    private static String tempDir(String name) {
        try {
            return Files.createTempDirectory("vitrine-" + name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
