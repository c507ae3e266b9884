package dev.vitrine.app.security;

import org.springframework.core.Ordered;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers of every answer, written in one place: Spring Security's own writers (its defaults, with
 * referrers never sent), in a filter in front of everything that answers, the anonymous read shortcut included.
 * Spring Security's chain writes none itself ({@code headers().disable()}), so no answer gets them twice or not at
 * all. A header an answer sets itself (its Cache-Control) is left as it is.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    /** First of all, so that even a request refused for its trace header gets them. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final WebFilter writer = new HttpHeaderWriterWebFilter(new CompositeServerHttpHeadersWriter(
            new CacheControlServerHttpHeadersWriter(),
            new ContentTypeOptionsServerHttpHeadersWriter(),
            new StrictTransportSecurityServerHttpHeadersWriter(),
            new XFrameOptionsServerHttpHeadersWriter(),
            new XXssProtectionServerHttpHeadersWriter(),
            new ReferrerPolicyServerHttpHeadersWriter()));

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return writer.filter(exchange, chain);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
