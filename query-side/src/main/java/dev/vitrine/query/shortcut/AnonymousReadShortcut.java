package dev.vitrine.query.shortcut;

import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.query.cache.CacheScope;
import dev.vitrine.query.cache.CachedAnswer;
import dev.vitrine.query.cache.ReadCache;
import dev.vitrine.query.gallery.GalleryReadKeys;
import dev.vitrine.query.image.ImageReadKeys;
import dev.vitrine.query.web.CachedReads;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Anonymous reads that the cache can answer are answered before the request goes through security, routing and
 * argument resolution: for a cached page those cost several times what the answer does. Only a request without
 * credentials of any kind, for one of the four read routes, with parameters exactly as the controllers read them,
 * is answered here, and only from the cache; everything else — a miss, an odd parameter — goes on as usual, so
 * the answers (and the refusals) are the controllers' own. The headers Spring Security would add are added here.
 */
@Component
class AnonymousReadShortcut implements WebFilter, Ordered {

    /** After the request trace filter, before Spring Security's chain (-100). */
    static final int ORDER = -150;

    private static final String PREFIX = "/api/galleries";

    private final ReadCache cache;
    private final CachedReads reads;

    AnonymousReadShortcut(ReadCache cache, CachedReads reads) {
        this.cache = cache;
        this.reads = reads;
    }

    private record Read(CacheScope scope, String key) {}

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Read> read = anonymousRead(exchange.getRequest());
        if (read.isEmpty()) {
            return chain.filter(exchange);
        }
        return cache.lookup(read.get().scope(), read.get().key())
                .flatMap(lookup -> lookup.isHit() ? answer(exchange, lookup.hit()) : chain.filter(exchange));
    }

    private Mono<Void> answer(ServerWebExchange exchange, CachedAnswer hit) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-XSS-Protection", "0");
        headers.set("Referrer-Policy", "no-referrer");
        return reads.write(exchange, hit, "hit");
    }

    private static Optional<Read> anonymousRead(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() != HttpMethod.GET
                || !path.startsWith(PREFIX)
                || request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                || request.getHeaders().containsKey(HttpHeaders.COOKIE)) {
            return Optional.empty();
        }
        try {
            String[] parts = path.substring(PREFIX.length()).split("/", -1);
            MultiValueMap<String, String> query = request.getQueryParams();
            Actor anonymous = Actor.anonymous();
            if (parts.length == 1 && parts[0].isEmpty()) {
                return Optional.of(new Read(
                        CacheScope.GALLERIES,
                        GalleryReadKeys.list(
                                anonymous,
                                Cursor.parse(query.getFirst("cursor")),
                                number(query, "limit", PageLimits.DEFAULT_LIMIT, PageLimits.MAX_LIMIT))));
            }
            if (parts.length < 2 || !parts[0].isEmpty()) {
                return Optional.empty();
            }
            CacheScope gallery = CacheScope.gallery(UUID.fromString(parts[1]));
            if (parts.length == 2) {
                return Optional.of(new Read(gallery, GalleryReadKeys.gallery(anonymous)));
            }
            if (!parts[2].equals("images") || query.containsKey("status")) {
                return Optional.empty();
            }
            if (parts.length == 3) {
                return Optional.of(new Read(
                        gallery,
                        ImageReadKeys.page(
                                anonymous,
                                null,
                                number(query, "page", 1, 1_000_000),
                                number(query, "limit", PageLimits.DEFAULT_LIMIT, PageLimits.MAX_LIMIT),
                                ImageReadKeys.cursor(query.getFirst("cursor")))));
            }
            return parts.length == 4
                    ? Optional.of(new Read(gallery, ImageReadKeys.image(anonymous, UUID.fromString(parts[3]))))
                    : Optional.empty();
        } catch (RuntimeException odd) {
            // not a well-formed read: the controller answers it, or refuses it, as it always does
            return Optional.empty();
        }
    }

    private static int number(MultiValueMap<String, String> query, String name, int otherwise, int max) {
        String value = query.getFirst(name);
        int number = value == null ? otherwise : Integer.parseInt(value);
        if (number < 1 || number > max) {
            throw new IllegalArgumentException(name + " out of range");
        }
        return number;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
