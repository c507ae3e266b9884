package dev.vitrine.app.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.operations.NodeRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deploy files are read, not trusted: every Vitrine or Spring setting they name is one the README's
 * configuration table documents (a misspelt setting is silently ignored by Spring, which is how a deploy file rots),
 * every node role parses, the roles together cover the whole app, ports and probes are the app's own, and the
 * Kubernetes Service sends traffic to api nodes only.
 */
class DeployFilesTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Pattern SETTING = Pattern.compile("`((?:VITRINE|SPRING|SERVER)_[A-Z0-9_]+)`");
    static final Pattern SUFFIXES = Pattern.compile("`((?:VITRINE|SPRING|SERVER)_[A-Z0-9_]+)` \\(([^)]*)\\)");
    static final Pattern SUFFIX = Pattern.compile("`_([A-Z0-9_]+)`");
    static final Set<String> PROBES = Set.of("/actuator/health/readiness", "/actuator/health/liveness");
    static final int PORT = 8080;

    @Test
    void kubernetes_names_only_documented_settings_and_splits_every_role_behind_probes_the_app_serves()
            throws IOException {
        Set<String> documented = documentedSettings();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(Files.readString(ROOT.resolve("deploy/k8s/vitrine.yaml")))) {
            documents.add(map(document));
        }
        Set<String> named = new LinkedHashSet<>();
        Set<NodeRoles.Role> roles = new LinkedHashSet<>();
        Set<String> images = new LinkedHashSet<>();
        Map<String, String> serviceSelector = Map.of();
        for (Map<String, Object> document : documents) {
            switch ((String) document.get("kind")) {
                case "ConfigMap" -> named.addAll(map(document.get("data")).keySet());
                case "Secret" -> named.addAll(map(document.get("stringData")).keySet());
                case "Deployment" -> {
                    Map<String, Object> pod = map(map(document.get("spec")).get("template"));
                    for (Object c : list(map(pod.get("spec")).get("containers"))) {
                        Map<String, Object> container = map(c);
                        images.add((String) container.get("image"));
                        assertThat(list(container.get("ports")))
                                .extracting(port -> map(port).get("containerPort"))
                                .containsExactly(PORT);
                        for (String probe : List.of("readinessProbe", "livenessProbe")) {
                            Map<String, Object> http =
                                    map(map(container.get(probe)).get("httpGet"));
                            assertThat(PROBES).contains((String) http.get("path"));
                            assertThat(http.get("port")).isEqualTo(PORT);
                        }
                        for (Object e : list(container.get("env"))) {
                            Map<String, Object> env = map(e);
                            named.add((String) env.get("name"));
                            if (env.get("name").equals("VITRINE_ROLES")) {
                                NodeRoles parsed = NodeRoles.parse((String) env.get("value"));
                                roles.addAll(parsed.roles());
                                assertThat(map(pod.get("metadata")).get("labels"))
                                        .as("a role's pods carry its label")
                                        .isEqualTo(Map.of("app", "vitrine", "role", parsed.describe()));
                            }
                        }
                    }
                }
                case "Service" -> {
                    serviceSelector = map(map(document.get("spec")).get("selector")).entrySet().stream()
                            .collect(
                                    LinkedHashMap::new,
                                    (m, e) -> m.put(e.getKey(), (String) e.getValue()),
                                    Map::putAll);
                    assertThat(list(map(document.get("spec")).get("ports")))
                            .extracting(port -> map(port).get("targetPort"))
                            .containsExactly(PORT);
                }
                default -> {}
            }
        }
        assertThat(named)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(documented)
                        .as("%s (deploy/k8s/vitrine.yaml) is in the README's configuration table", name)
                        .contains(name));
        assertThat(roles).containsExactlyInAnyOrder(NodeRoles.Role.values());
        assertThat(images).hasSize(1);
        assertThat(serviceSelector).isEqualTo(Map.of("app", "vitrine", "role", "api"));
    }

    @Test
    void compose_names_only_documented_settings_and_runs_every_role_from_the_projects_own_image() throws IOException {
        Set<String> documented = documentedSettings();
        Map<String, Object> compose = map(yaml().load(Files.readString(ROOT.resolve("deploy/compose/compose.yaml"))));
        Set<NodeRoles.Role> roles = new LinkedHashSet<>();
        for (Object s : map(compose.get("services")).values()) {
            Map<String, Object> service = map(s);
            if (!"vitrine:latest".equals(service.get("image"))) {
                continue;
            }
            Map<String, Object> build = map(service.get("build"));
            Path dockerfile = ROOT.resolve("deploy/compose")
                    .resolve((String) build.get("context"))
                    .resolve((String) build.get("dockerfile"))
                    .normalize();
            assertThat(dockerfile).isRegularFile();
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment.keySet())
                    .allSatisfy(name -> assertThat(documented)
                            .as("%s (deploy/compose/compose.yaml) is in the README's configuration table", name)
                            .contains(name));
            roles.addAll(
                    NodeRoles.parse((String) environment.get("VITRINE_ROLES")).roles());
            for (Object port : service.get("ports") == null ? List.of() : list(service.get("ports"))) {
                assertThat((String) port).endsWith(":" + PORT);
            }
        }
        assertThat(roles).containsExactlyInAnyOrder(NodeRoles.Role.values());
    }

    @Test
    void the_example_environment_names_only_documented_settings() throws IOException {
        Set<String> documented = documentedSettings();
        List<String> named = Files.readAllLines(ROOT.resolve("deploy/config/vitrine.env.example")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();
        assertThat(named)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(documented)
                        .as("%s (deploy/config/vitrine.env.example) is in the README's configuration table", name)
                        .contains(name));
    }

    /**
     * The names of the README's configuration table, first column: {@code `NAME`}, several per row, and
     * {@code `NAME_HOST` (`_PORT`, `_USERNAME`)} for a family sharing a prefix.
     */
    static Set<String> documentedSettings() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = line.substring(0, line.indexOf(" |", 1));
            Matcher setting = SETTING.matcher(first);
            while (setting.find()) {
                names.add(setting.group(1));
            }
            Matcher family = SUFFIXES.matcher(first);
            while (family.find()) {
                String prefix = family.group(1).substring(0, family.group(1).lastIndexOf('_'));
                Matcher suffix = SUFFIX.matcher(family.group(2));
                while (suffix.find()) {
                    names.add(prefix + "_" + suffix.group(1));
                }
            }
        }
        assertThat(names).as("settings read from the README").hasSizeGreaterThan(40);
        return names;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
