package dev.vitrine.api.gallery.query;

import java.util.List;

/** The answer to {@link FindMemberships}. */
public record Memberships(List<Membership> memberships) {}
