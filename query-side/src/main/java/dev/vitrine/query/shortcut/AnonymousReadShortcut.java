package dev.vitrine.query.shortcut;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.operations.PublicAddress;
import dev.vitrine.query.cache.ReadCache;
import dev.vitrine.query.web.CachedReads;
import dev.vitrine.query.web.ReadRoutes;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Anonymous reads that the cache can answer are answered before the request goes through security and argument
 * resolution: for a cached page those cost several times what the answer does. A request without credentials of
 * any kind, of a cached read route ({@link ReadRoutes}: the routes and cache entries the controllers use), is
 * answered here when its entry is cached, with the controllers' own answer writer; everything else (a miss, a
 * parameter the route does not take) goes on as usual, so refusals are the controllers' own. Security headers are
 * written for this answer as for every other, by the filter in front of this one.
 */
@Component
class AnonymousReadShortcut implements WebFilter, Ordered {

    /** After the request trace and the security headers, before Spring Security's chain (-100). */
    static final int ORDER = -150;

    private final ReadCache cache;
    private final CachedReads reads;
    private final PublicAddress address;

    AnonymousReadShortcut(ReadCache cache, CachedReads reads, PublicAddress address) {
        this.cache = cache;
        this.reads = reads;
        this.address = address;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (carriesCredentials(request)) {
            return chain.filter(exchange);
        }
        return ReadRoutes.of(request, Actor.anonymous(), address.origin(request.getURI()))
                .map(read -> cache.lookup(read.scope(), read.key())
                        .flatMap(lookup ->
                                lookup.isHit() ? reads.write(exchange, lookup.hit(), "hit") : chain.filter(exchange)))
                .orElseGet(() -> chain.filter(exchange));
    }

    private static boolean carriesCredentials(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.containsKey(HttpHeaders.AUTHORIZATION) || headers.containsKey(HttpHeaders.COOKIE);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
