package dev.vitrine.app.startup;

import dev.vitrine.api.operations.NodeRoles;
import dev.vitrine.app.operations.PublicUrls;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in one block, once Vitrine is ready, what it runs on (embedded or external) and where to open it. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final List<RuntimeComponent> components;
    private final NodeRoles roles;
    private final PublicUrls address;

    StartupReport(List<RuntimeComponent> components, NodeRoles roles, PublicUrls address) {
        this.components = components;
        this.roles = roles;
        this.address = address;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort()
                : -1;
        String lines = components.stream()
                .map(c -> String.format(
                        "  %-44s %-9s %s", c.role(), c.embedded() ? "embedded" : "external", c.location()))
                .collect(Collectors.joining("\n"));
        log.info("""

                ──────────────────────────────────────────────────────────────────────────────
                  Vitrine is ready: http://localhost:{}/
                  API documentation:  http://localhost:{}/swagger-ui.html
                  Roles of this node: {}
                  Public address:     {}
                {}
                ──────────────────────────────────────────────────────────────────────────────""", port, port, roles.describe(), address.describe(), lines);
    }
}
