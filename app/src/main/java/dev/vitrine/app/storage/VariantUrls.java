package dev.vitrine.app.storage;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.query.image.VariantLinks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where browsers fetch variants. Public galleries: a stable URL under {@code /media/} that may be cached forever
 * (prefixed with the CDN's address when one is configured). Unlisted and private galleries: a presigned GET of
 * the object store that stops working after {@code signedUrlValidity}.
 */
@Component
public class VariantUrls implements VariantLinks {

    private final S3Presigner presigner;
    private final String bucket;
    private final Settings settings;

    VariantUrls(S3Presigner presigner, ObjectStore store, Settings settings) {
        this.presigner = presigner;
        this.bucket = store.bucket();
        this.settings = settings;
    }

    @Override
    public String url(String objectKey, Visibility visibility) {
        if (visibility == Visibility.PUBLIC) {
            return settings.publicBaseUrl() + "/media/" + objectKey;
        }
        return presigner
                .presignGetObject(request -> request.signatureDuration(settings.signedUrlValidity())
                        .getObjectRequest(get -> get.bucket(bucket).key(objectKey)))
                .url()
                .toString();
    }

    @Override
    public Duration signedUrlLifetime() {
        return settings.signedUrlValidity();
    }

    /**
     * @param signedUrlValidity how long a variant URL of an unlisted or private gallery works
     * @param publicBaseUrl     what public variant URLs start with, e.g. a CDN in front of Vitrine
     *                          ({@code https://cdn.example.com}); empty: URLs relative to the API's own address
     */
    @ConfigurationProperties("vitrine.variants")
    public record Settings(
            @DefaultValue("15m") Duration signedUrlValidity,
            @DefaultValue("") String publicBaseUrl) {

        public Settings {
            publicBaseUrl = publicBaseUrl.endsWith("/")
                    ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                    : publicBaseUrl;
        }
    }
}
