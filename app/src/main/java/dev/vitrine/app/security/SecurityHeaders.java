package dev.vitrine.app.security;

import dev.vitrine.app.operations.PublicUrls;
import dev.vitrine.app.storage.ObjectStore;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of every answer, written in one place: Spring Security's own writers (its defaults, with
 * referrers never sent; HSTS on answers over https, which behind a trusted proxy the forwarded headers tell), in a
 * filter in front of everything that answers, the anonymous read shortcut included, and a Content-Security-Policy.
 * Spring Security's chain writes none itself ({@code headers().disable()}), so no answer gets them twice or not at
 * all. A header an answer sets itself (its Cache-Control) is left as it is.
 *
 * <p>The web client's pages may run only the app's own scripts and styles (no inline script, no eval); they show
 * images from the app, the object store (presigned URLs), the variants' CDN if one is set, and data/blob URLs
 * (placeholders), and send uploads to the object store. Everything else (JSON, images, the API documentation's
 * data) gets a policy that allows nothing: no answer of the API is a page.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    /** First of all, so that even a request refused for its trace header gets them. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final WebFilter writer;

    SecurityHeaders(ObjectStore store, PublicUrls urls) {
        Supplier<String> pages = SingletonSupplier.of(
                () -> pagePolicy(store.publicEndpoint(), urls.cdn().orElse("")));
        this.writer = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
                new CacheControlServerHttpHeadersWriter(),
                new ContentTypeOptionsServerHttpHeadersWriter(),
                new StrictTransportSecurityServerHttpHeadersWriter(),
                new XFrameOptionsServerHttpHeadersWriter(),
                new XXssProtectionServerHttpHeadersWriter(),
                new ReferrerPolicyServerHttpHeadersWriter(),
                contentSecurityPolicy(pages)));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return writer.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The web client's pages get theirs; the API documentation's own pages (Swagger UI) keep none of ours. */
    private static ServerHttpHeadersWriter contentSecurityPolicy(Supplier<String> pages) {
        return exchange -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            String path =
                    exchange.getRequest().getPath().pathWithinApplication().value();
            if (!headers.containsKey(CONTENT_SECURITY_POLICY)
                    && !path.startsWith("/swagger-ui")
                    && !path.startsWith("/webjars/")) {
                headers.set(CONTENT_SECURITY_POLICY, isPage(path) ? pages.get() : NOTHING);
            }
            return Mono.empty();
        };
    }

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /** What the web client answers: its page (any route it handles itself) and its assets. */
    static boolean isPage(String path) {
        return !(path.startsWith("/api/")
                || path.startsWith("/media/")
                || path.startsWith("/actuator")
                || path.startsWith("/v3/"));
    }

    static String pagePolicy(URI objectStore, String variantsBaseUrl) {
        Set<String> images = new LinkedHashSet<>(List.of("'self'", "data:", "blob:"));
        images.add(origin(objectStore));
        if (!variantsBaseUrl.isEmpty()) {
            images.add(origin(URI.create(variantsBaseUrl)));
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + String.join(" ", images)
                + "; connect-src 'self' " + origin(objectStore)
                + "; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
