package dev.vitrine.api.error;

/** The kinds of "no" a command or query can answer; each edge maps them to its own status codes. */
public enum Rejection {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    GONE
}
