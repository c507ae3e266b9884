package dev.vitrine.api.paging;

/** Page sizes every list accepts. */
public final class PageLimits {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private PageLimits() {}
}
