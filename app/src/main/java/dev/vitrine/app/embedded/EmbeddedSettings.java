package dev.vitrine.app.embedded;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded defaults Vitrine runs when no database or object store is configured.
 *
 * @param dataDir       where their data lives (database files, stored objects); kept across restarts
 * @param postgresPort  the embedded PostgreSQL's port; 0 picks a free one at every start
 * @param s3Port        the embedded S3 server's port; 0 picks a free one at every start
 * @param s3CorsOrigins browser origins allowed to PUT to the embedded S3 server besides the app's own
 *                      (for example a Vite dev server)
 */
@ConfigurationProperties("vitrine.embedded")
public record EmbeddedSettings(
        @DefaultValue("vitrine-data") Path dataDir,
        @DefaultValue("0") int postgresPort,
        @DefaultValue("9000") int s3Port,
        @DefaultValue({}) List<String> s3CorsOrigins) {}
