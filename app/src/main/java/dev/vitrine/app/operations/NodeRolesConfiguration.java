package dev.vitrine.app.operations;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.operations.NodeRoles;
import dev.vitrine.app.web.ApiErrorHandler;
import dev.vitrine.app.web.ApiProblem;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

/**
 * What this node does ({@link NodeRoles}, from {@code VITRINE_ROLES}). The modules' own processors and the image
 * workers ask the same setting; here: the processors no module configures itself (the cover policy, the cleanup
 * of stored files) start only on a projector, and a node without the api role answers {@code /api/**} with a 404
 * that says why, before anything else looks at the request.
 */
@Configuration(proxyBeanMethods = false)
class NodeRolesConfiguration {

    @Bean
    NodeRoles nodeRoles(@Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        return NodeRoles.parse(roles);
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, @Value("${" + NodeRoles.PROPERTY + ":}") String roles) {
        processing.registerTrackingEventProcessorConfiguration(
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andAutoStart(NodeRoles.parse(roles).projects()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter apiRole(NodeRoles roles, ApiErrorHandler errors) {
        return (exchange, chain) -> {
            if (roles.servesApi() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
                return chain.filter(exchange);
            }
            return errors.write(
                    exchange.getResponse(),
                    ApiProblem.of(
                            ErrorCode.NOT_FOUND,
                            null,
                            "this node does not serve the API (its roles: " + roles.describe() + ")"));
        };
    }
}
