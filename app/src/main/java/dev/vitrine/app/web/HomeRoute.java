package dev.vitrine.app.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/** Until the web client is served at "/", the URL Vitrine prints opens the API's own documentation. */
@Configuration(proxyBeanMethods = false)
class HomeRoute {

    @Bean
    RouterFunction<ServerResponse> home() {
        return route(GET("/"), request -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html")).build());
    }
}
