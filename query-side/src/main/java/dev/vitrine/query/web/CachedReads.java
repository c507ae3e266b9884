package dev.vitrine.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.operations.PublicAddress;
import dev.vitrine.query.cache.CacheLookup;
import dev.vitrine.query.cache.CachedAnswer;
import dev.vitrine.query.cache.ReadCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves a read from the cache when it can, from the read model otherwise (and keeps that answer), with an entity
 * tag so that a client holding the same answer gets 304 and no body.
 */
@Component
public class CachedReads {

    public static final String CACHE_OUTCOME = "X-Cache";

    /** Reads answered from the cache, by outcome: the hit ratio is {@code hit / (hit + miss + bypass)}. */
    public static final String OUTCOME_METER = "vitrine.cache.reads";

    private final ReadCache cache;
    private final ObjectMapper json;
    private final Map<String, Counter> outcomes;
    private final PublicAddress address;

    CachedReads(ReadCache cache, ObjectMapper json, MeterRegistry meters, PublicAddress address) {
        this.cache = cache;
        this.json = json;
        this.address = address;
        this.outcomes = Stream.of("hit", "miss", "bypass")
                .collect(Collectors.toUnmodifiableMap(
                        outcome -> outcome,
                        outcome -> Counter.builder(OUTCOME_METER)
                                .description(
                                        "cached reads answered, by outcome: hit, miss, bypass (the cache unusable)")
                                .tag("outcome", outcome)
                                .register(meters)));
    }

    /**
     * The answer to a request of a cached read route ({@link ReadRoutes}), as {@code viewer} asks it: {@code
     * compute} makes it, its URLs starting with the origin it is given, when the cache holds none.
     */
    public Mono<ResponseEntity<byte[]>> answer(
            ServerHttpRequest request, Actor viewer, Function<String, Mono<FreshAnswer>> compute) {
        String origin = address.origin(request.getURI());
        ReadRoutes.CachedRead read = ReadRoutes.cachedRead(request, viewer, origin);
        return cache.lookup(read.scope(), read.key())
                .flatMap(lookup -> lookup.isHit()
                        ? Mono.just(respond(request, lookup.hit(), "hit"))
                        : computeAndKeep(lookup, () -> compute.apply(origin))
                                .map(answer -> respond(request, answer, lookup.stamp() == null ? "bypass" : "miss")));
    }

    private Mono<CachedAnswer> computeAndKeep(CacheLookup lookup, Supplier<Mono<FreshAnswer>> compute) {
        return compute.get().flatMap(fresh -> {
            CachedAnswer answer = encode(fresh);
            return cache.store(lookup, answer, fresh.ttl()).thenReturn(answer);
        });
    }

    private CachedAnswer encode(FreshAnswer fresh) {
        try {
            byte[] body = json.writeValueAsBytes(fresh.body());
            return new CachedAnswer(body, etag(body), fresh.cacheControl());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer is always JSON", e);
        }
    }

    /** {@code outcome} goes out as {@code X-Cache}: hit, miss, or bypass (the cache could not be used). */
    private ResponseEntity<byte[]> respond(ServerHttpRequest request, CachedAnswer answer, String outcome) {
        HttpHeaders headers = headers(answer, outcome);
        if (notModified(request, answer)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(answer.body(), headers, HttpStatus.OK);
    }

    /** The same answer written straight into the response, for a caller that is not a controller. */
    public Mono<Void> write(ServerWebExchange exchange, CachedAnswer answer, String outcome) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().addAll(headers(answer, outcome));
        if (notModified(exchange.getRequest(), answer)) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    /** Every answer of a cached read passes here, from a controller or the anonymous shortcut: counted once. */
    private HttpHeaders headers(CachedAnswer answer, String outcome) {
        outcomes.get(outcome).increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(CACHE_OUTCOME, outcome);
        headers.setETag(answer.etag());
        headers.setCacheControl(answer.cacheControl());
        headers.setVary(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE));
        return headers;
    }

    private static boolean notModified(ServerHttpRequest request, CachedAnswer answer) {
        return request.getHeaders().getIfNoneMatch().stream().anyMatch(tag -> matches(tag, answer.etag()));
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match (a proxy may have weakened our tag). */
    private static boolean matches(String tag, String etag) {
        return "*".equals(tag) || tag.equals(etag) || tag.equals("W/" + etag);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
