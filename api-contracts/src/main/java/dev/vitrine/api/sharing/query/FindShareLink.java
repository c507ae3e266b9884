package dev.vitrine.api.sharing.query;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.query.Question;
import java.util.UUID;

/** The link, if the viewer may manage its gallery (to anyone else it does not exist). */
public record FindShareLink(UUID linkId, Actor viewer) implements Question<ShareLinkView> {

    @Override
    public Class<ShareLinkView> answerType() {
        return ShareLinkView.class;
    }
}
