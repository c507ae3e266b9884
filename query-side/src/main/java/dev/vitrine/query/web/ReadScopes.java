package dev.vitrine.query.web;

import dev.vitrine.api.identity.Actor;

/**
 * Cache keys of read answers: what was asked, by whom (answers differ by viewer), for which origin (the URLs in an
 * answer start with it: an answer made for one host is never served to a request for another).
 */
public final class ReadScopes {

    private ReadScopes() {}

    public static String key(Actor viewer, String origin, String question, Object... arguments) {
        StringBuilder key = new StringBuilder(question)
                .append('|')
                .append(viewer.isAnonymous() ? "anonymous" : viewer.userId().toString())
                .append('|')
                .append(origin);
        for (Object argument : arguments) {
            key.append('|').append(argument == null ? "" : argument);
        }
        return key.toString();
    }
}
