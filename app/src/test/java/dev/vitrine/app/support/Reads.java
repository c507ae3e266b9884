package dev.vitrine.app.support;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GETs that keep what HTTP caching is about: the cache outcome, the entity tag, Cache-Control, the body. */
public final class Reads {

    public record Read(int status, String cache, String etag, String cacheControl, String body) {}

    private final WebTestClient http;

    public Reads(WebTestClient http) {
        this.http = http;
    }

    public Read get(Api.User viewer, String uri) {
        return get(viewer, uri, null);
    }

    public Read get(Api.User viewer, String uri, String ifNoneMatch) {
        EntityExchangeResult<byte[]> result = http.get()
                .uri(uri)
                .headers(headers -> {
                    if (viewer != null) {
                        viewer.sign(headers);
                    }
                    if (ifNoneMatch != null) {
                        headers.setIfNoneMatch(ifNoneMatch);
                    }
                })
                .exchange()
                .expectBody()
                .returnResult();
        HttpHeaders headers = result.getResponseHeaders();
        byte[] body = result.getResponseBody();
        return new Read(
                result.getStatus().value(),
                headers.getFirst("X-Cache"),
                headers.getETag(),
                headers.getCacheControl(),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }
}
