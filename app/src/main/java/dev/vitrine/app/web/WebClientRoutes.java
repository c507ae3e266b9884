package dev.vitrine.app.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
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
    private static final String[] NOT_PAGES = {
        "/api/**",
        "/media/**",
        "/actuator/**",
        "/v3/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/webjars/**",
        "/assets/**"
    };

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
        for (String other : NOT_PAGES) {
            page = page.and(path(other).negate());
        }
        return route(
                GET("/").or(page),
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(PAGE));
    }
}
