package dev.vitrine.api.image.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * Which of the gallery's images look like another of its images, grouped (at most {@code maxDistance} bits apart:
 * {@link dev.vitrine.api.image.NearDuplicates})? Asked by those who may delete any of them; nothing for anyone else.
 * The variants' URLs start with {@code origin} ({@link dev.vitrine.api.operations.PublicAddress#origin}).
 */
public record FindNearDuplicates(UUID galleryId, Actor viewer, int maxDistance, String origin)
        implements Question<NearDuplicateGroups> {

    @Override
    public Class<NearDuplicateGroups> answerType() {
        return NearDuplicateGroups.class;
    }
}
