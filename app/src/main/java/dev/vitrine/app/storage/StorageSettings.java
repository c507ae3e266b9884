package dev.vitrine.app.storage;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible object store. When {@code endpoint} is not set, Vitrine runs an embedded one (S3Proxy).
 *
 * @param endpoint       the S3 API endpoint Vitrine talks to, e.g. {@code http://minio:9000}
 * @param publicEndpoint the endpoint browsers reach, used in presigned URLs; defaults to {@code endpoint}
 * @param region         the signing region
 * @param bucket         the bucket holding originals and variants
 * @param accessKey      the access key (with {@code secretKey}); unset means the AWS default credential chain
 * @param secretKey      the secret key
 * @param createBucket   whether Vitrine creates the bucket at start when it is missing
 * @param connectTimeout how long opening a connection to the S3 server may take
 * @param readTimeout    how long a call may wait for the server's next bytes, or for a free connection: with the
 *                       server away or stuck, a request answers 503 after this rather than hanging
 */
@ConfigurationProperties("vitrine.s3")
public record StorageSettings(
        URI endpoint,
        URI publicEndpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("vitrine") String bucket,
        String accessKey,
        String secretKey,
        @DefaultValue("true") boolean createBucket,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    boolean configured() {
        return endpoint != null;
    }
}
