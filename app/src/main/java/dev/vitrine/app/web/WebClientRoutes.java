package dev.vitrine.app.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.vitrine.api.sharing.ShareTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web client, built into the jar under {@code static/}: its hashed assets may be kept forever, its page is
 * revalidated every time, and every page route of the app ({@code /galleries/…} and the like, which the client
 * routes itself) answers that page, so a shared or reloaded URL works. Without a built client, "/" opens the API's
 * documentation.
 */
@Configuration(proxyBeanMethods = false)
class WebClientRoutes implements WebFluxConfigurer {

    static final Resource PAGE = new ClassPathResource("static/index.html");
    /** The share page's own entry: the page without the app's router and signed-in pages (see share-main.tsx). */
    static final Resource SHARE_PAGE = new ClassPathResource("static/share.html");

    static final Resource ROBOTS = new ClassPathResource("static/robots.txt");
    private static final String[] NOT_PAGES = {
        "/api/**",
        "/media/**",
        "/actuator/**",
        "/v3/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/webjars/**",
        "/assets/**",
        "/robots.txt",
        "/share.html"
    };

    /**
     * The share page is what a phone opens from a message: the gallery and its first page of photos are asked for
     * while the script is still on its way, not after it ran. The page's early script (share-early.ts) takes these
     * answers, asks for the first screen's pictures, and hands the answers on to the app.
     */
    static String withSharedDataPreloaded(String page, String token) {
        if (!ShareTokens.isWellFormed(token)) {
            return page; // nothing of an odd path goes into the page; the app will say the link does not exist
        }
        String shared = "/api/shared/" + token;
        return page.replace(
                "</head>",
                "<link rel=\"preload\" href=\"" + shared + "\" as=\"fetch\" crossorigin=\"anonymous\">"
                        + "<link rel=\"preload\" href=\"" + shared + "/images\" as=\"fetch\" crossorigin=\"anonymous\">"
                        + "</head>");
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the web client's page cannot be read", e);
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    @Bean
    RouterFunction<ServerResponse> webClientPage() {
        if (!PAGE.exists()) {
            return route(
                    GET("/"),
                    request -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html"))
                            .build());
        }
        RequestPredicate page = GET("/**").and(accept(MediaType.TEXT_HTML));
        RouterFunction<ServerResponse> robots = route(
                GET("/robots.txt"),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_PLAIN)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                        .bodyValue(ROBOTS));
        for (String other : NOT_PAGES) {
            page = page.and(path(other).negate());
        }
        String html = read(SHARE_PAGE.exists() ? SHARE_PAGE : PAGE);
        RouterFunction<ServerResponse> sharePage = route(
                GET("/s/{token}").and(accept(MediaType.TEXT_HTML)),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(withSharedDataPreloaded(html, request.pathVariable("token"))));
        return robots.and(sharePage)
                .and(route(
                        GET("/").or(page),
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache())
                                .bodyValue(PAGE)));
    }
}
