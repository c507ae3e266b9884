package dev.vitrine.app.operations;

import dev.vitrine.api.operations.PublicAddress;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@link PublicAddress} from {@code VITRINE_PUBLIC_URL} and {@code VITRINE_VARIANTS_PUBLIC_BASE_URL}, both checked
 * at start: a URL that is not absolute {@code http(s)://host[:port]} stops the start with a message saying which.
 */
@Component
public class PublicUrls implements PublicAddress, ApplicationListener<WebServerInitializedEvent> {

    private final Optional<String> configured;
    private final Optional<String> cdn;
    private volatile String local;

    /** What public variant URLs start with when a CDN serves them ({@code https://cdn.example.com}). */
    public static final String CDN_PROPERTY = "vitrine.variants.public-base-url";

    public PublicUrls(@Value("${" + PROPERTY + ":}") String publicUrl, @Value("${" + CDN_PROPERTY + ":}") String cdn) {
        this.configured = origin("VITRINE_PUBLIC_URL", publicUrl, false);
        this.cdn = origin("VITRINE_VARIANTS_PUBLIC_BASE_URL", cdn, true);
        this.local = "http://localhost:8080";
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            local = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    @Override
    public String origin(URI requestUri) {
        return configured.orElseGet(() -> requestUri.getScheme() == null || requestUri.getRawAuthority() == null
                ? local
                : requestUri.getScheme() + "://" + requestUri.getRawAuthority());
    }

    @Override
    public String ofEvents() {
        return configured.orElse(local);
    }

    @Override
    public String publicMedia(String origin, String objectKey) {
        return cdn.orElse(origin) + "/media/" + objectKey;
    }

    /** The CDN's address, when public variants are served from one. */
    public Optional<String> cdn() {
        return cdn;
    }

    /** For the startup block. */
    public String describe() {
        return configured.orElse("unset (VITRINE_PUBLIC_URL): answers use each request's host, events " + local);
    }

    /**
     * A setting's URL without its trailing slash; empty when unset. A CDN may serve from a path ({@code
     * https://cdn.example.com/vitrine}); Vitrine's own address is an origin, since it answers at the root.
     */
    static Optional<String> origin(String setting, String value, boolean pathAllowed) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException notAUri) {
            throw invalid(setting, value, "it is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw invalid(setting, value, "it must be absolute, http:// or https:// and a host");
        }
        if (uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null
                || (!pathAllowed && !uri.getRawPath().isEmpty())) {
            throw invalid(
                    setting,
                    value,
                    pathAllowed
                            ? "it may not have a query, a fragment or credentials"
                            : "it is scheme://host[:port] only, without a path, query or credentials");
        }
        return Optional.of(trimmed);
    }

    private static IllegalArgumentException invalid(String setting, String value, String why) {
        return new IllegalArgumentException(setting + " is \"" + value + "\": " + why);
    }
}
