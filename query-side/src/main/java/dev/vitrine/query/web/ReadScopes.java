package dev.vitrine.query.web;

import dev.vitrine.api.identity.Actor;

/** Cache keys of read answers: what was asked, by whom (answers differ by viewer). */
public final class ReadScopes {

    private ReadScopes() {}

    public static String key(Actor viewer, String question, Object... arguments) {
        StringBuilder key = new StringBuilder(question)
                .append('|')
                .append(viewer.isAnonymous() ? "anonymous" : viewer.userId().toString());
        for (Object argument : arguments) {
            key.append('|').append(argument == null ? "" : argument);
        }
        return key.toString();
    }
}
