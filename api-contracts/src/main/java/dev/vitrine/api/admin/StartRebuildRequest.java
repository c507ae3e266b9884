package dev.vitrine.api.admin;

/**
 * @param swap true (the default): replace the live read model once the rebuilt one has caught up; false: only
 *             compare the two (a verification)
 */
public record StartRebuildRequest(Boolean swap) {

    public boolean swapOrDefault() {
        return swap == null || swap;
    }
}
