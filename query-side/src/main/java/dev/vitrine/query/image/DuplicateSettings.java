package dev.vitrine.query.image;

import dev.vitrine.api.image.NearDuplicates;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Near-duplicate review.
 *
 * @param maxDistance how many bits two fingerprints may differ in for their photos to count as the same picture,
 *                    when a request does not say ({@link NearDuplicates#DEFAULT_MAX_DISTANCE}: why that value)
 */
@Validated
@ConfigurationProperties("vitrine.duplicates")
public record DuplicateSettings(
        @DefaultValue("" + NearDuplicates.DEFAULT_MAX_DISTANCE) @Min(0) @Max(MAX)
        int maxDistance) {

    /** Beyond this, unrelated photos are grouped more often than not: no request may ask for more. */
    public static final int MAX = 24;
}
