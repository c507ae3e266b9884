package dev.vitrine.app.limits;

import java.net.InetSocketAddress;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The client's address as the app sees it, for limits counted per address, made known to everything that handles
 * the request (sign-in runs inside Spring Security, which has no exchange to ask). Behind a proxy it is the
 * forwarded address only when the operator trusts the proxy ({@code SERVER_FORWARD_HEADERS_STRATEGY=framework}):
 * otherwise anyone could claim any address.
 */
@Component
public class ClientAddress implements WebFilter, Ordered {

    private static final String KEY = ClientAddress.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, of(exchange)));
    }

    /** Right after the request trace, before Spring Security. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    /** The address of the request being handled ("unknown" outside one). */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(context.getOrDefault(KEY, "unknown")));
    }
}
