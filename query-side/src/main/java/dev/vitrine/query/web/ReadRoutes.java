package dev.vitrine.query.web;

import dev.vitrine.api.gallery.GalleryScope;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.image.ImageOrder;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.ImageTags;
import dev.vitrine.api.image.query.ImageKey;
import dev.vitrine.api.paging.Cursor;
import dev.vitrine.api.paging.PageLimits;
import dev.vitrine.query.cache.CacheScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The cached read routes: their paths (the controllers map these very constants) and, for a request of one of
 * them, the cache entry it is answered from. The controller (after security and routing) and the anonymous
 * shortcut (before them) both ask here, so they can never disagree on what a request means; a request the
 * controller would refuse has no entry anyone ever stored.
 */
public final class ReadRoutes {

    public static final String GALLERIES = "/api/galleries";
    public static final String GALLERY = GALLERIES + "/{galleryId}";
    public static final String IMAGES = GALLERY + "/images";
    public static final String IMAGE = IMAGES + "/{imageId}";

    /** The query parameters of the routes, and their defaults when absent. */
    public static final String CURSOR = "cursor";

    public static final String LIMIT = "limit";
    public static final String PAGE = "page";
    public static final String STATUS = "status";
    public static final String SCOPE = "scope";
    public static final String SORT = "sort";
    public static final String TAG = "tag";
    public static final String TAGS = GALLERY + "/tags";
    public static final int FIRST_PAGE = 1;
    public static final int LAST_PAGE = 1_000_000;

    /** Where an answer is cached: the scope that invalidates it and its key in that scope. */
    public record CachedRead(CacheScope scope, String key) {}

    private record Route(PathPattern pattern, Function<Request, CachedRead> read) {}

    private record Request(Map<String, String> path, MultiValueMap<String, String> query, Actor viewer, String origin) {

        UUID uuid(String name) {
            return UUID.fromString(path.get(name));
        }

        int number(String name, int otherwise) {
            String value = query.getFirst(name);
            return value == null ? otherwise : Integer.parseInt(value);
        }
    }

    private static final List<Route> ROUTES = List.of(
            route(
                    GALLERIES,
                    r -> new CachedRead(
                            CacheScope.GALLERIES,
                            ReadScopes.key(
                                    r.viewer(),
                                    r.origin(),
                                    "galleries",
                                    GalleryScope.fromWireName(r.query().getFirst(SCOPE)),
                                    Cursor.parse(r.query().getFirst(CURSOR))
                                            .map(Cursor::format)
                                            .orElse(null),
                                    r.number(LIMIT, PageLimits.DEFAULT_LIMIT)))),
            route(
                    GALLERY,
                    r -> new CachedRead(
                            CacheScope.gallery(r.uuid("galleryId")),
                            ReadScopes.key(r.viewer(), r.origin(), "gallery"))),
            route(IMAGES, r -> {
                String status = r.query().getFirst(STATUS);
                ImageOrder order = ImageOrder.fromWireName(r.query().getFirst(SORT));
                ImageKey after = ImageCursor.parse(r.query().getFirst(CURSOR), order);
                return new CachedRead(
                        CacheScope.gallery(r.uuid("galleryId")),
                        ReadScopes.key(
                                r.viewer(),
                                r.origin(),
                                "images",
                                status == null ? null : ImageStatus.fromWireName(status.trim()),
                                ImageTags.filter(r.query().getFirst(TAG)),
                                order,
                                after != null ? null : r.number(PAGE, FIRST_PAGE),
                                r.number(LIMIT, PageLimits.DEFAULT_LIMIT),
                                after == null ? null : ImageCursor.format(order, after.takenAt(), after.position())));
            }),
            route(
                    IMAGE,
                    r -> new CachedRead(
                            CacheScope.gallery(r.uuid("galleryId")),
                            ReadScopes.key(r.viewer(), r.origin(), "image", r.uuid("imageId")))));

    private ReadRoutes() {}

    private static Route route(String path, Function<Request, CachedRead> read) {
        return new Route(PathPatternParser.defaultInstance.parse(path), read);
    }

    /**
     * The cache entry of a GET of one of the routes, as {@code viewer} asks it, answered with URLs under {@code
     * origin}; empty for any other request and for one whose parameters are not what the route takes.
     */
    public static Optional<CachedRead> of(ServerHttpRequest request, Actor viewer, String origin) {
        if (request.getMethod() != HttpMethod.GET) {
            return Optional.empty();
        }
        PathContainer path = request.getPath().pathWithinApplication();
        if (!path.value().startsWith(GALLERIES)) {
            return Optional.empty(); // every other request, at the cost of one comparison
        }
        for (Route route : ROUTES) {
            PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
            if (match != null) {
                try {
                    return Optional.of(route.read()
                            .apply(new Request(match.getUriVariables(), request.getQueryParams(), viewer, origin)));
                } catch (RuntimeException notWhatTheRouteTakes) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** For a controller of one of the routes, whose parameters were checked before it asks. */
    public static CachedRead cachedRead(ServerHttpRequest request, Actor viewer, String origin) {
        return of(request, viewer, origin)
                .orElseThrow(() -> new IllegalStateException(request.getPath() + " is no cached read route"));
    }
}
