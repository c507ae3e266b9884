package dev.vitrine.api.sharing.query;

import java.util.List;

/** The answer to {@link FindShareLinks}. */
public record ShareLinks(List<ShareLinkView> links) {}
