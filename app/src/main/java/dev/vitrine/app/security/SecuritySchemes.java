package dev.vitrine.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * How a client authenticates, in the OpenAPI document: HTTP Basic on every request, or the web session's cookie
 * (signed in with {@code POST /api/session}) with the CSRF token's header on writes. Each operation says which it
 * takes; one open to anonymous callers ({@link AnonymousRoutes}) also takes none. Independent of the document's
 * other customizer: it touches only security.
 */
@Configuration(proxyBeanMethods = false)
class SecuritySchemes {

    static final String BASIC = "basicAuth";
    static final String SESSION = "sessionCookie";
    static final String CSRF = "csrfHeader";

    private static final Set<PathItem.HttpMethod> SAFE =
            Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS);

    @Bean
    OpenApiCustomizer operationSecurity() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            BASIC,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description("Username and password on every request; no session is made"))
                    .addSecuritySchemes(
                            SESSION,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.COOKIE)
                                    .name(SessionCookieWrites.SESSION_COOKIE)
                                    .description("The web session's cookie, set by POST /api/session"))
                    .addSecuritySchemes(
                            CSRF,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name("X-XSRF-TOKEN")
                                    .description("The value of the XSRF-TOKEN cookie: required with the session "
                                            + "cookie on every request that changes something"));
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) ->
                                    operation.setSecurity(requirements(HttpMethod.valueOf(method.name()), path))));
        };
    }

    private static List<SecurityRequirement> requirements(HttpMethod method, String path) {
        List<SecurityRequirement> ways = new ArrayList<>();
        if (AnonymousRoutes.isOpen(method, path)) {
            ways.add(new SecurityRequirement());
        }
        ways.add(new SecurityRequirement().addList(BASIC));
        SecurityRequirement session = new SecurityRequirement().addList(SESSION);
        if (!SAFE.contains(PathItem.HttpMethod.valueOf(method.name()))) {
            session.addList(CSRF);
        }
        ways.add(session);
        return ways;
    }
}
