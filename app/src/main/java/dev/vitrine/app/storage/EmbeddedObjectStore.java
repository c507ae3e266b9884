package dev.vitrine.app.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An S3-compatible server inside Vitrine (S3Proxy on a filesystem directory). It checks AWS signatures, so
 * presigned URLs are enforced exactly as by a real S3: a wrong content type, another key or an expired URL is 403.
 * The secret is generated once per data directory and kept there.
 */
final class EmbeddedObjectStore implements ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStore.class);
    private static final String ACCESS_KEY = "vitrine";
    private static final long STARTUP_WAIT_MILLIS = 30_000;

    private final S3Proxy proxy;
    private final BlobStoreContext blobs;
    private final String bucket;
    private final String secret;
    private final Path directory;

    private EmbeddedObjectStore(S3Proxy proxy, BlobStoreContext blobs, String bucket, String secret, Path directory) {
        this.proxy = proxy;
        this.blobs = blobs;
        this.bucket = bucket;
        this.secret = secret;
        this.directory = directory;
    }

    static EmbeddedObjectStore start(Path dataDir, int port, String bucket, List<String> corsOrigins) {
        Path directory = dataDir.resolve("objects");
        try {
            Files.createDirectories(directory);
            String secret = secretOf(dataDir);
            Properties overrides = new Properties();
            overrides.setProperty(
                    "jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            BlobStoreContext blobs =
                    ContextBuilder.newBuilder("filesystem").overrides(overrides).buildView(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobs.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secret)
                    .corsRules(new CrossOriginResourceSharing(
                            corsOrigins, List.of("GET", "HEAD", "PUT"), List.of("*"), List.of("ETag"), "false"))
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            awaitStarted(proxy);
            log.info(
                    "Embedded S3 server is running on port {} with its objects in {}",
                    proxy.getPort(),
                    directory.toAbsolutePath());
            return new EmbeddedObjectStore(proxy, blobs, bucket, secret, directory);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not start the embedded S3 server on port " + port
                            + " (set vitrine.embedded.s3-port to a free port, or 0 for any)",
                    e);
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.currentTimeMillis() + STARTUP_WAIT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    private static String secretOf(Path dataDir) throws IOException {
        Path file = dataDir.resolve("s3-secret");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        Files.writeString(file, secret);
        return secret;
    }

    @Override
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public URI publicEndpoint() {
        return URI.create("http://localhost:" + proxy.getPort());
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret));
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public String location() {
        return publicEndpoint() + "/" + bucket + " (objects in " + directory.toAbsolutePath() + ")";
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            log.warn("Embedded S3 server did not stop cleanly: {}", e.getMessage());
        }
        blobs.close();
    }
}
