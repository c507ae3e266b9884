package dev.vitrine.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.app.operations.PublicUrls;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Which URL a variant gets: stable under the CDN's address for public galleries, signed and short-lived otherwise. */
class VariantUrlsTest {

    static final String KEY = "g/i/g1/large-0123456789abcdef.webp";

    final S3Presigner presigner = S3Presigner.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://storage.example.test:9000"))
            .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
            .build();

    @AfterEach
    void close() {
        presigner.close();
    }

    static final String ORIGIN = "https://gallery.example.test";

    @Test
    void a_public_variant_is_served_under_the_configured_cdn_address() {
        var urls = urls("https://cdn.example.test/", Duration.ofMinutes(15));
        assertThat(urls.url(KEY, Visibility.PUBLIC, ORIGIN)).isEqualTo("https://cdn.example.test/media/" + KEY);
    }

    @Test
    void without_a_cdn_a_public_variant_url_is_under_the_answers_origin() {
        assertThat(urls("", Duration.ofMinutes(15)).url(KEY, Visibility.PUBLIC, ORIGIN))
                .isEqualTo(ORIGIN + "/media/" + KEY);
    }

    @Test
    void unlisted_and_private_variants_get_presigned_urls_of_the_configured_lifetime() {
        var urls = urls("https://cdn.example.test", Duration.ofMinutes(5));
        for (Visibility visibility : new Visibility[] {Visibility.UNLISTED, Visibility.PRIVATE}) {
            assertThat(urls.url(KEY, visibility, ORIGIN))
                    .startsWith("http://storage.example.test:9000/vitrine/" + KEY + "?")
                    .contains("X-Amz-Expires=300")
                    .contains("X-Amz-Signature=");
        }
        assertThat(urls.signedUrlLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    private VariantUrls urls(String publicBaseUrl, Duration validity) {
        return new VariantUrls(
                presigner, new Bucket(), new VariantUrls.Settings(validity), new PublicUrls("", publicBaseUrl));
    }

    private static final class Bucket implements ObjectStore {
        public URI endpoint() {
            return URI.create("http://storage.example.test:9000");
        }

        public URI publicEndpoint() {
            return endpoint();
        }

        public String region() {
            return "us-east-1";
        }

        public String bucket() {
            return "vitrine";
        }

        public AwsCredentialsProvider credentials() {
            return null;
        }

        public boolean embedded() {
            return false;
        }

        public void close() {}
    }
}
