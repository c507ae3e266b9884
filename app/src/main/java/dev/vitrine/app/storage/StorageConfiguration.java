package dev.vitrine.app.storage;

import dev.vitrine.app.embedded.EmbeddedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The object store (embedded or configured), the async S3 client and the presigner that talk to it. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean(destroyMethod = "close")
    ObjectStore objectStore(
            StorageSettings settings, EmbeddedSettings embedded, @Value("${server.port:8080}") int serverPort) {
        if (settings.configured()) {
            return new ExternalObjectStore(settings);
        }
        return EmbeddedObjectStore.start(
                embedded.dataDir(),
                embedded.s3Port(),
                settings.bucket(),
                corsOrigins(serverPort, embedded.s3CorsOrigins()));
    }

    /** The app's own origin may PUT to the embedded store; when the app's port is not known, any origin may. */
    private static List<String> corsOrigins(int serverPort, List<String> extra) {
        if (serverPort == 0) {
            return List.of("*");
        }
        List<String> origins =
                new ArrayList<>(List.of("http://localhost:" + serverPort, "http://127.0.0.1:" + serverPort));
        origins.addAll(extra);
        return origins;
    }

    @Bean(destroyMethod = "close")
    S3AsyncClient s3Client(ObjectStore store, StorageSettings settings) {
        S3AsyncClient client = S3AsyncClient.builder()
                .endpointOverride(store.endpoint())
                .region(Region.of(store.region()))
                .credentialsProvider(store.credentials())
                .forcePathStyle(true)
                // S3-compatible servers (S3Proxy, MinIO) do not all speak the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // bounded, so that a request needing a server that is away answers 503 soon rather than hanging
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .maxConcurrency(128)
                        .connectionTimeout(settings.connectTimeout())
                        .readTimeout(settings.readTimeout())
                        .writeTimeout(settings.readTimeout())
                        .connectionAcquisitionTimeout(settings.readTimeout()))
                .build();
        if (store.embedded() || settings.createBucket()) {
            createBucketIfMissing(client, store.bucket());
        }
        return client;
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(ObjectStore store) {
        return S3Presigner.builder()
                .endpointOverride(store.publicEndpoint())
                .region(Region.of(store.region()))
                .credentialsProvider(store.credentials())
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static void createBucketIfMissing(S3AsyncClient client, String bucket) {
        try {
            client.headBucket(b -> b.bucket(bucket)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SdkClientException unreachable) {
                // a node starting during an outage of the S3 server starts all the same: what needs the server
                // answers 503 until it is back (the bucket of an installation that ran before is there)
                log.warn(
                        "The S3 server is unreachable; bucket {} is not checked: {}", bucket, unreachable.getMessage());
                return;
            }
            if (!(e.getCause() instanceof NoSuchBucketException)
                    && !(e.getCause() instanceof S3Exception s3 && s3.statusCode() == 404)) {
                throw e;
            }
            client.createBucket(b -> b.bucket(bucket)).join();
            log.info("Created bucket {}", bucket);
        }
    }
}
