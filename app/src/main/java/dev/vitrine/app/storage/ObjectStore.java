package dev.vitrine.app.storage;

import dev.vitrine.app.startup.RuntimeComponent;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** The S3 endpoint Vitrine uses, embedded or configured, and how to reach and sign for it. */
public interface ObjectStore extends RuntimeComponent, AutoCloseable {

    URI endpoint();

    /** The endpoint as browsers reach it (presigned URLs point there). */
    URI publicEndpoint();

    String region();

    String bucket();

    AwsCredentialsProvider credentials();

    @Override
    default String role() {
        return "Object storage (S3)";
    }

    @Override
    default String location() {
        return endpoint() + "/" + bucket();
    }

    @Override
    void close();
}
