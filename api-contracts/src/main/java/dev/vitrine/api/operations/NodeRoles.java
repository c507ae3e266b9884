package dev.vitrine.api.operations;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one node of an installation does: {@code VITRINE_ROLES} ({@code vitrine.roles}), any of {@code api},
 * {@code worker} and {@code projector}, comma-separated; all three when unset. Every module asks here, so a role
 * means the same everywhere.
 *
 * <ul>
 *   <li>{@link Role#API}: answers {@code /api/**} (sends commands, reads the read model). Every node serves the
 *       actuator (health, metrics) and takes the command-side's own subscriptions, whatever its roles.
 *   <li>{@link Role#WORKER}: consumes processing jobs (libvips).
 *   <li>{@link Role#PROJECTOR}: runs the tracking processors — the read model, the integration log, the processing
 *       saga, the cover policy, the cleanup of stored files. Several projector nodes share their segments.
 * </ul>
 */
public record NodeRoles(Set<Role> roles) {

    public static final String PROPERTY = "vitrine.roles";

    public enum Role {
        API,
        WORKER,
        PROJECTOR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public NodeRoles {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a node needs at least one role");
        }
        roles = Set.copyOf(roles);
    }

    /** The roles as the setting says them; blank or absent: all three. Refuses any other word, naming it. */
    public static NodeRoles parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new NodeRoles(EnumSet.allOf(Role.class));
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String word : setting.split(",")) {
            String role = word.strip().toLowerCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            roles.add(Arrays.stream(Role.values())
                    .filter(r -> r.wireName().equals(role))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "VITRINE_ROLES may hold api, worker and projector, not \"" + role + "\"")));
        }
        return new NodeRoles(roles);
    }

    public boolean servesApi() {
        return roles.contains(Role.API);
    }

    public boolean works() {
        return roles.contains(Role.WORKER);
    }

    public boolean projects() {
        return roles.contains(Role.PROJECTOR);
    }

    /** In the order api, worker, projector: "api, projector". */
    public String describe() {
        return Arrays.stream(Role.values())
                .filter(roles::contains)
                .map(Role::wireName)
                .collect(Collectors.joining(", "));
    }
}
