package dev.vitrine.api.sharing.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/**
 * The links of one gallery ({@code galleryId}), or of every gallery the viewer owns (null), newest first: revoked
 * and expired ones too, so that a user can see what they once shared.
 */
public record FindShareLinks(UUID galleryId, Actor viewer) implements Question<ShareLinks> {

    @Override
    public Class<ShareLinks> answerType() {
        return ShareLinks.class;
    }
}
