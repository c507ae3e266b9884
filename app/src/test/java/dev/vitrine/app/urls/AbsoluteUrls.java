package dev.vitrine.app.urls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every URL in a JSON answer or event: the values of its fields named {@code url} or ending in {@code Url}. */
final class AbsoluteUrls {

    private AbsoluteUrls() {}

    static List<String> in(JsonNode json) {
        List<String> urls = new ArrayList<>();
        collect(json, urls);
        return urls;
    }

    /** There is at least one URL, and every one is absolute and starts with {@code origin}. */
    static void assertAllUnder(JsonNode json, String origin) {
        List<String> urls = in(json);
        assertThat(urls).as("URLs in " + json).isNotEmpty();
        assertThat(urls).allSatisfy(url -> {
            assertThat(URI.create(url).isAbsolute()).as(url).isTrue();
            assertThat(url).startsWith(origin + "/");
        });
    }

    private static void collect(JsonNode node, List<String> urls) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, urls));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((field.getKey().equals("url") || field.getKey().endsWith("Url"))
                        && field.getValue().isTextual()) {
                    urls.add(field.getValue().textValue());
                } else {
                    collect(field.getValue(), urls);
                }
            }
        }
    }
}
