package dev.vitrine.app.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The API's routes a caller needs no credentials for; every other route under {@code /api/} needs them (and some a
 * role: {@link SecurityConfiguration}). Outside {@code /api/} (the web client, the media route) nothing needs them
 * but the actuator's inner endpoints. The security chain and the OpenAPI document both read this list.
 */
final class AnonymousRoutes {

    record Route(HttpMethod method, String... patterns) {}

    static final List<Route> ROUTES = List.of(
            // registering and signing in, and asking whether one is signed in
            new Route(HttpMethod.POST, "/api/accounts", "/api/session"),
            new Route(HttpMethod.GET, "/api/session"),
            // what galleries show is decided by their visibility, for anonymous visitors too
            new Route(HttpMethod.GET, "/api/galleries", "/api/galleries/**"),
            // a search finds what its caller may see, nothing more: public galleries for anonymous visitors
            new Route(HttpMethod.GET, "/api/search"),
            // a share link opens its gallery to whoever holds the token (the link decides, and its password)
            new Route(HttpMethod.GET, "/api/shared/**"),
            new Route(HttpMethod.POST, "/api/shared/*/unlock"),
            // public events for anyone; a signed-in caller also gets those of their own galleries
            new Route(HttpMethod.GET, "/api/events/stream", "/api/asyncapi.json"));

    private static final List<MethodPattern> PATTERNS = ROUTES.stream()
            .flatMap(route -> List.of(route.patterns()).stream()
                    .map(pattern ->
                            new MethodPattern(route.method(), PathPatternParser.defaultInstance.parse(pattern))))
            .toList();

    private record MethodPattern(HttpMethod method, PathPattern pattern) {}

    private AnonymousRoutes() {}

    /** Whether an operation of the OpenAPI document ({@code path} as it writes it) is open to anonymous callers. */
    static boolean isOpen(HttpMethod method, String path) {
        if (!path.startsWith("/api/")) {
            return !path.startsWith("/actuator/");
        }
        PathContainer container = PathContainer.parsePath(path);
        return PATTERNS.stream()
                .anyMatch(route ->
                        route.method().equals(method) && route.pattern().matches(container));
    }
}
