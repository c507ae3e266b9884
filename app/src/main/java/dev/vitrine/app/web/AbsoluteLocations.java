package dev.vitrine.app.web;

import dev.vitrine.api.operations.PublicAddress;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A {@code Location} header is a URL like any other in an answer: controllers write the path, it goes out absolute,
 * under the request's {@link PublicAddress#origin}.
 */
@Component
class AbsoluteLocations implements WebFilter {

    private final PublicAddress address;

    AbsoluteLocations(PublicAddress address) {
        this.address = address;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            URI location = headers.getLocation();
            if (location != null && !location.isAbsolute()) {
                headers.setLocation(
                        URI.create(address.origin(exchange.getRequest().getURI()) + location));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
