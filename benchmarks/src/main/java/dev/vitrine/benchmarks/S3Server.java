package dev.vitrine.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server of the harness's own (S3Proxy on a filesystem blob store, as the app's S3OutageIT runs one), so that
 * a scenario can take it away and bring it back on the same files and port while Vitrine keeps running.
 */
final class S3Server implements AutoCloseable {

    private static final String ACCESS_KEY = "faults";
    private static final String SECRET_KEY = "faults-secret";

    private final Path directory;
    private final int port;
    private BlobStoreContext blobs;
    private S3Proxy s3;

    S3Server(Path directory) {
        this.directory = directory;
        this.port = Ports.free();
    }

    /** What the app is started with to use this server instead of its embedded one. */
    List<String> settings() {
        return List.of(
                "--vitrine.s3.endpoint=http://127.0.0.1:" + port,
                "--vitrine.s3.access-key=" + ACCESS_KEY,
                "--vitrine.s3.secret-key=" + SECRET_KEY);
    }

    synchronized void start() throws Exception {
        if (s3 != null) {
            return;
        }
        Files.createDirectories(directory);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
        blobs = ContextBuilder.newBuilder("filesystem").overrides(overrides).buildView(BlobStoreContext.class);
        s3 = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
    }

    synchronized void stop() throws Exception {
        if (s3 != null) {
            s3.stop();
            blobs.close();
            s3 = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
