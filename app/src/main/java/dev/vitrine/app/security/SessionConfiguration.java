package dev.vitrine.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** WebFlux's sessions are Spring Session's, kept in PostgreSQL ({@link Sessions}). */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    /** Spring Session's JDBC store; it deletes expired sessions every minute, on a thread of its own. */
    @Bean
    JdbcIndexedSessionRepository jdbcSessionRepository(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, Sessions.Settings settings) {
        var repository = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
        repository.setDefaultMaxInactiveInterval(settings.idleTimeout());
        repository.setCleanupCron("0 * * * * *");
        return repository;
    }

    @Bean
    Sessions sessions(JdbcIndexedSessionRepository jdbc, Sessions.Settings settings) {
        return new Sessions(jdbc, settings);
    }
}
