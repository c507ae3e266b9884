package dev.vitrine.api.identity;

import java.util.UUID;

/**
 * Who asks for something: a signed-in user, an administrator, nobody (anonymous) or Vitrine itself.
 * Commands carry it because ownership is a business rule; queries carry it because visibility is. An auditor may
 * read every gallery's history and events, and change nothing that is not their own.
 */
public record Actor(UUID userId, boolean admin, boolean auditor) {

    public Actor(UUID userId, boolean admin) {
        this(userId, admin, false);
    }

    /** The id under which Vitrine's own policies act (expiry, cascades); stored as actorId "system". */
    public static final UUID SYSTEM_ID = new UUID(0L, 0L);

    private static final Actor ANONYMOUS = new Actor(null, false);
    private static final Actor SYSTEM = new Actor(SYSTEM_ID, true);

    public static Actor anonymous() {
        return ANONYMOUS;
    }

    public static Actor system() {
        return SYSTEM;
    }

    public static Actor user(UUID userId) {
        return new Actor(userId, false);
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    public boolean isSystem() {
        return SYSTEM_ID.equals(userId);
    }

    /** True when this actor may read the history and the events of every gallery, private ones too. */
    public boolean mayAudit() {
        return admin || auditor;
    }

    /** True when this actor may act on something owned by {@code ownerId}. */
    public boolean mayManage(UUID ownerId) {
        return admin || (userId != null && userId.equals(ownerId));
    }
}
