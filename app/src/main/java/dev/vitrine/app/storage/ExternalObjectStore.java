package dev.vitrine.app.storage;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** An S3 endpoint given by {@code vitrine.s3.*}. */
record ExternalObjectStore(StorageSettings settings) implements ObjectStore {

    @Override
    public URI endpoint() {
        return settings.endpoint();
    }

    @Override
    public URI publicEndpoint() {
        return settings.publicEndpoint() != null ? settings.publicEndpoint() : settings.endpoint();
    }

    @Override
    public String region() {
        return settings.region();
    }

    @Override
    public String bucket() {
        return settings.bucket();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        if (settings.accessKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
