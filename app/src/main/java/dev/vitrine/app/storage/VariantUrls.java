package dev.vitrine.app.storage;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.operations.PublicAddress;
import dev.vitrine.query.image.VariantLinks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where browsers fetch variants. Public galleries: a stable URL under {@code /media/} that may be cached forever
 * ({@link PublicAddress#publicMedia}: the CDN's address when one is configured). Unlisted and private galleries: a presigned GET of
 * the object store that stops working after {@code signedUrlValidity}.
 */
@Component
public class VariantUrls implements VariantLinks {

    private final S3Presigner presigner;
    private final String bucket;
    private final Settings settings;
    private final PublicAddress address;

    VariantUrls(S3Presigner presigner, ObjectStore store, Settings settings, PublicAddress address) {
        this.presigner = presigner;
        this.bucket = store.bucket();
        this.settings = settings;
        this.address = address;
    }

    @Override
    public String url(String objectKey, Visibility visibility, String origin) {
        if (visibility == Visibility.PUBLIC) {
            return address.publicMedia(origin, objectKey);
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
     * @param signedUrlValidity how long a variant URL of an unlisted or private gallery works (where public ones are
     *                          served from, {@code vitrine.variants.public-base-url}, is {@link PublicAddress}'s)
     */
    @ConfigurationProperties("vitrine.variants")
    public record Settings(@DefaultValue("15m") Duration signedUrlValidity) {}
}
