package dev.vitrine.app.security;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.app.account.Accounts;
import dev.vitrine.app.limits.LimitSettings;
import dev.vitrine.app.limits.LimitedSignIns;
import dev.vitrine.app.limits.RateLimiter;
import dev.vitrine.app.web.ApiErrorHandler;
import dev.vitrine.app.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may do what. API clients sign every request with HTTP Basic; the web client signs in once
 * ({@code POST /api/session}) and is then known by its session cookie, and only such cookie-borne requests need
 * a CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}): a request carrying its own credentials
 * cannot be forged by another site. Reads are open (visibility rules decide what anyone sees); writes need an
 * account; {@code /api/admin} and the actuator (but its health) need an administrator, {@code /api/audit} an
 * auditor or administrator.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(VerifiedPasswords.Settings settings) {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), settings);
    }

    @Bean
    ReactiveAuthenticationManager authenticationManager(
            Accounts accounts, PasswordEncoder passwords, RateLimiter limiter, LimitSettings limits) {
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(new SignInAccounts(accounts, passwords));
        manager.setPasswordEncoder(passwords);
        return new LimitedSignIns(manager, limiter, limits);
    }

    /**
     * Spring Security would time every one of its filters as an observation of its own, on every request: a cost
     * out of proportion on a cached read. Requests stay observed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ServerSecurityContextRepository securityContextRepository(Accounts accounts, Sessions sessions) {
        return new SessionCookieContexts(accounts, sessions);
    }

    /**
     * Spring Security's firewall refuses paths that mean something else to someone else ({@code ..}, an encoded
     * slash or percent, a NUL) before any handler sees them; its answer is ours too.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ApiErrorHandler errors) {
        return (exchange, rejected) -> errors.write(
                exchange.getResponse(),
                ApiProblem.of(
                        ErrorCode.BAD_REQUEST,
                        null,
                        "the request's path holds something a path may not: \"..\", an encoded slash or percent sign, "
                                + "a control character or a semicolon"));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ReactiveAuthenticationManager authentication,
            ServerSecurityContextRepository contexts,
            ApiErrorHandler errors) {
        var unauthenticated = new JsonAuthenticationEntryPoint(errors);
        ServerAccessDeniedHandler denied = (exchange, failure) ->
                errors.write(exchange.getResponse(), ApiProblem.of(ErrorCode.FORBIDDEN, null, failure.getMessage()));
        return http.authorizeExchange(exchanges -> {
                    for (AnonymousRoutes.Route route : AnonymousRoutes.ROUTES) {
                        exchanges.pathMatchers(route.method(), route.patterns()).permitAll();
                    }
                    exchanges
                            .pathMatchers("/api/audit/**")
                            .hasAnyRole("AUDITOR", "ADMIN")
                            .pathMatchers("/api/admin/**")
                            .hasRole("ADMIN")
                            .pathMatchers("/api/**")
                            .authenticated()
                            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .pathMatchers("/actuator/**")
                            .hasRole("ADMIN")
                            .anyExchange()
                            .permitAll();
                })
                .authenticationManager(authentication)
                .securityContextRepository(contexts)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated)
                        // Basic clients sign every request: they get no session
                        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
                // an API remembers no request to replay after a sign-in page: no session for that either
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // every answer's security headers come from SecurityHeaders, in front of this chain
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(csrf -> csrf.csrfTokenRepository(new CsrfCookies())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new SessionCookieWrites())
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .build();
    }
}
