package dev.vitrine.eventlog.log;

/**
 * Who an entry of the integration log is for, decided once when it is logged. Whether it reaches a reader is
 * decided again at every read (see {@link IntegrationLog#RESTRICTED_NOW}): an entry for a gallery's visitors stops
 * reaching them when the gallery stops being public, and reaches them again should it become public again.
 */
enum Reach {
    /** The gallery's owner, administrators and auditors: the gallery was not public, or the image not yet shown. */
    OWNER,
    /** Whoever may see the gallery at the time of reading: everyone while it is public, its owner otherwise. */
    VISITORS,
    /**
     * Everyone, for good: news that the gallery became or stopped being public, or that a public gallery was
     * deleted. Whoever kept a copy of what it showed (a CDN, an integrator's cache) must hear it, also later.
     */
    EVERYONE;

    /** Stored as two columns of {@code event_log}, so that readers of the older column keep their meaning. */
    boolean restricted() {
        return this == OWNER;
    }

    boolean announcement() {
        return this == EVERYONE;
    }
}
