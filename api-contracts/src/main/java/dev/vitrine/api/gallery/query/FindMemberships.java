package dev.vitrine.api.gallery.query;

import dev.vitrine.api.query.Question;
import java.util.UUID;

/** Of which galleries, not deleted, is this account a member, and with which role? By gallery name. */
public record FindMemberships(UUID memberId) implements Question<Memberships> {

    @Override
    public Class<Memberships> answerType() {
        return Memberships.class;
    }
}
