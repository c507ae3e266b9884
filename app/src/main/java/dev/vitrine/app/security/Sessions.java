package dev.vitrine.app.security;

import dev.vitrine.app.account.AccountSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The web client's sessions, in PostgreSQL (Spring Session's JDBC store), so that any node serves any browser and
 * a session outlives a restart. Spring Session has no reactive JDBC store: this runs the JDBC one's calls on
 * {@code boundedElastic}, never on the event loop. Sessions are found by the account they belong to, to bound how
 * many an account has and to end them all when it changes.
 */
final class Sessions implements ReactiveSessionRepository<Session>, AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> jdbc;
    private final Settings settings;

    Sessions(FindByIndexNameSessionRepository<? extends Session> jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Mono<Session> createSession() {
        return Mono.fromCallable(() -> (Session) jdbc.createSession());
    }

    @Override
    public Mono<Void> save(Session session) {
        return Mono.<Void>fromRunnable(() -> store().save(session)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Session> findById(String id) {
        return Mono.fromCallable(() -> (Session) jdbc.findById(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.<Void>fromRunnable(() -> jdbc.deleteById(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> endAll(String username, String keep) {
        return Mono.<Void>fromRunnable(() -> sessionsOf(username).keySet().stream()
                        .filter(id -> !id.equals(keep))
                        .forEach(jdbc::deleteById))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Makes room for the session an account is signing in with: its oldest others end, so that it keeps
     * {@code perAccount} at most. Signing in again and again fills nothing.
     */
    Mono<Void> makeRoom(String username, String signingIn) {
        return Mono.<Void>fromRunnable(() -> sessionsOf(username).values().stream()
                        .map(Session.class::cast)
                        .filter(session -> !session.getId().equals(signingIn))
                        .sorted(Comparator.comparing(Session::getCreationTime).reversed())
                        .skip(settings.perAccount() - 1L)
                        .forEach(session -> jdbc.deleteById(session.getId())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether a session is past its absolute lifetime, however active it was. */
    boolean tooOld(Instant createdAt) {
        return createdAt.plus(settings.absoluteTimeout()).isBefore(Instant.now());
    }

    private Map<String, ? extends Session> sessionsOf(String username) {
        return jdbc.findByPrincipalName(username);
    }

    @SuppressWarnings("unchecked")
    private FindByIndexNameSessionRepository<Session> store() {
        return (FindByIndexNameSessionRepository<Session>) jdbc;
    }

    /**
     * @param idleTimeout     a session unused this long is over
     * @param absoluteTimeout a session this old is over, however active
     * @param perAccount      how many sessions an account keeps at most (the oldest end first)
     */
    @ConfigurationProperties("vitrine.sessions")
    record Settings(
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("12h") Duration absoluteTimeout,
            @DefaultValue("10") int perAccount) {}
}
