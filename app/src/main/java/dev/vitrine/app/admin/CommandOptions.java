package dev.vitrine.app.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --name=value} options of Vitrine's commands that talk to a running Vitrine: where it is, and whose
 * credentials to use (by default those of VITRINE_ADMIN_USERNAME and VITRINE_ADMIN_PASSWORD).
 */
record CommandOptions(Map<String, String> values) {

    /** The options after the command's own words; empty when one is not of the form {@code --name=value}. */
    static Optional<CommandOptions> parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (!args[i].startsWith("--") || equals < 0) {
                return Optional.empty();
            }
            values.put(args[i].substring(2, equals), args[i].substring(equals + 1));
        }
        return Optional.of(new CommandOptions(values));
    }

    String get(String name) {
        return values.get(name);
    }

    URI base() {
        return URI.create(values.getOrDefault("url", "http://localhost:8080"));
    }

    String authorization() {
        String user = values.getOrDefault("user", System.getenv().getOrDefault("VITRINE_ADMIN_USERNAME", "admin"));
        String password = values.getOrDefault("password", System.getenv().getOrDefault("VITRINE_ADMIN_PASSWORD", ""));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
