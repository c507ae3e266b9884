package dev.vitrine.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.query.cache.CacheLookup;
import dev.vitrine.query.cache.CacheScope;
import dev.vitrine.query.cache.CachedAnswer;
import dev.vitrine.query.cache.ReadCache;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Serves a read from the cache when it can, from the read model otherwise (and keeps that answer), with an entity
 * tag so that a client holding the same answer gets 304 and no body.
 */
@Component
public class CachedReads {

    public static final String CACHE_OUTCOME = "X-Cache";

    private final ReadCache cache;
    private final ObjectMapper json;

    CachedReads(ReadCache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    public Mono<ResponseEntity<byte[]>> answer(ServerHttpRequest request, CacheScope scope, String key,
                                               Supplier<Mono<FreshAnswer>> compute) {
        return cache.lookup(scope, key).flatMap(lookup -> lookup.isHit()
                ? Mono.just(respond(request, lookup.hit(), "hit"))
                : computeAndKeep(lookup, compute).map(answer -> respond(request, answer,
                        lookup.stamp() == null ? "bypass" : "miss")));
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
    private static ResponseEntity<byte[]> respond(ServerHttpRequest request, CachedAnswer answer, String outcome) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(CACHE_OUTCOME, outcome);
        headers.setETag(answer.etag());
        headers.setCacheControl(answer.cacheControl());
        headers.setVary(java.util.List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE));
        if (request.getHeaders().getIfNoneMatch().stream().anyMatch(tag -> matches(tag, answer.etag()))) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(answer.body(), headers, HttpStatus.OK);
    }

    /** Weak comparison, as RFC 9110 asks for If-None-Match (a proxy may have weakened our tag). */
    private static boolean matches(String tag, String etag) {
        return "*".equals(tag) || tag.equals(etag) || tag.equals("W/" + etag);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
