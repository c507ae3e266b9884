package dev.vitrine.app.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code names types by their simple names, through imports; a qualified name in code is kept only where two types
 * of one simple name meet in a file (Spring's and Axon's {@code Configuration}, say). The formatter sorts imports
 * but cannot tell this, so this test does.
 */
class QualifiedNamesTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b((?:java|javax|jakarta|org|com|io|reactor|dev|software)(?:\\.[a-z0-9_]+)+)\\.([A-Z][A-Za-z0-9_]*)");
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void code_uses_imports_rather_than_qualified_names() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isRegularFile(root.resolve("pom.xml")), "the source tree is not beside the app module");
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path file : sources.filter(QualifiedNamesTest::isSource).toList()) {
                files++;
                found.addAll(qualifiedNamesIn(
                        root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(files).as("Java sources looked at").isGreaterThan(100);
        assertThat(found).as("qualified names in code where an import would do").isEmpty();
    }

    private static boolean isSource(Path path) {
        String name = path.toString();
        return name.endsWith(".java")
                && name.contains("/src/")
                && !name.contains("/target/")
                && !name.contains("/node_modules/");
    }

    static List<String> qualifiedNamesIn(String file, String source) {
        Map<String, String> imported = new HashMap<>();
        for (Matcher m = IMPORT.matcher(source); m.find(); ) {
            imported.put(m.group(2), m.group(1));
        }
        Set<String> declared = new HashSet<>();
        for (Matcher m = DECLARED.matcher(source); m.find(); ) {
            declared.add(m.group(1));
        }
        Map<String, Set<String>> packagesByName = new HashMap<>();
        List<String[]> uses = new ArrayList<>();
        String[] lines = source.split("\n");
        boolean inTextBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean quotes = (line.length() - line.replace("\"\"\"", "").length()) / 3 % 2 == 1;
            if (inTextBlock || quotes) {
                inTextBlock ^= quotes; // text blocks are data (SQL, JSON, examples), not code
                continue;
            }
            if (line.startsWith("import ")
                    || line.startsWith("package ")
                    || line.startsWith("*")
                    || line.startsWith("//")
                    || line.startsWith("/*")) {
                continue;
            }
            for (Matcher m = QUALIFIED.matcher(STRING.matcher(lines[i]).replaceAll("\"\"")); m.find(); ) {
                packagesByName
                        .computeIfAbsent(m.group(2), name -> new HashSet<>())
                        .add(m.group(1));
                uses.add(new String[] {m.group(1), m.group(2), String.valueOf(i + 1)});
            }
        }
        List<String> needless = new ArrayList<>();
        for (String[] use : uses) {
            String name = use[1];
            boolean clash = declared.contains(name)
                    || (imported.containsKey(name) && !imported.get(name).equals(use[0]))
                    || packagesByName.get(name).size() > 1;
            if (!clash) {
                needless.add(file + ":" + use[2] + " " + use[0] + "." + name);
            }
        }
        return needless;
    }

    @Test
    void a_qualified_name_is_kept_only_where_two_types_share_its_simple_name() {
        assertThat(qualifiedNamesIn("A.java", """
                        import org.springframework.context.annotation.Configuration;
                        class A {
                            void wire(org.axonframework.config.Configuration axon) {}
                            // java.util.List in a comment is prose
                            String s = "java.util.List in a string is data";
                            java.util.List<String> names;
                        }
                        """)).containsExactly("A.java:6 java.util.List");
    }
}
