package dev.vitrine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code GET /api/search} on the seeded million images (10 000 galleries; the seed's words: alt text, tags, file
 * names, cameras, gallery descriptions), warm: one-word queries of frequent and middling words, prefixes and
 * misspellings, and three-word queries, as an anonymous visitor and as an owner of galleries, through HTTP against
 * the packaged jar. Side by side, the search a
 * simple gallery does (a substring scan, as Piwigo's quick search and Lychee do), straight in PostgreSQL on the
 * same rows.
 *
 * <pre>Search JAR WORK_DIR [passes]</pre>
 */
public final class Search {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        DataSet set = DataSet.LARGE;
        set.ensureSeeded(jar);
        Map<String, List<String>> queries = queries(set);
        try (var app = App.start(
                jar,
                work.resolve(set.database()),
                set.database(),
                0,
                List.of(
                        "--vitrine.admin.username=" + Reads.ADMIN,
                        "--vitrine.admin.password=" + Reads.ADMIN_PASSWORD))) {
            // search reads the read model only; the integration log of a fresh seed backfills far slower (issue 15)
            Reads.awaitProcessors(app.base(), set, List.of("read-model"));
            HttpClient http = HttpClient.newHttpClient();
            String owner = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("owner-0:" + Reads.OWNER_PASSWORD).getBytes(StandardCharsets.UTF_8));
            System.out.printf(
                    "%n%s, GET /api/search?q=…&limit=24, warm (one untimed pass, then %d timed); app RSS %d MB%n",
                    set.name(), passes, app.residentMegabytes());
            System.out.printf(
                    "  %-34s %-10s %9s %9s %9s %9s%n", "queries", "caller", "p50 ms", "p99 ms", "max ms", "images");
            for (String caller : new String[] {null, owner}) {
                for (var kind : queries.entrySet()) {
                    List<Double> ms = new ArrayList<>();
                    long found = 0;
                    for (int pass = -1; pass < passes; pass++) {
                        for (String q : kind.getValue()) {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base()
                                    + "/api/search?limit=24&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
                            if (caller != null) {
                                request.header("Authorization", caller);
                            }
                            long start = System.nanoTime();
                            HttpResponse<String> answer =
                                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                            double took = (System.nanoTime() - start) / 1e6;
                            if (answer.statusCode() != 200) {
                                throw new IllegalStateException(q + ": " + answer.statusCode() + " " + answer.body());
                            }
                            if (pass >= 0) {
                                ms.add(took);
                                JsonNode body = new ObjectMapper().readTree(answer.body());
                                found += body.path("images").size();
                            }
                        }
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "  %-34s %-10s %9.2f %9.2f %9.2f %9.1f%n",
                            kind.getKey() + " (" + kind.getValue().size() + ")",
                            caller == null ? "anonymous" : "owner-0",
                            Stats.percentile(ms, 50),
                            Stats.percentile(ms, 99),
                            Stats.percentile(ms, 100),
                            (double) found / ms.size());
                }
            }
        }
        substringPeer(set, queries);
    }

    /** What a gallery without a search index does: a substring scan of the same rows, first 24 found. */
    private static void substringPeer(DataSet set, Map<String, List<String>> queries) throws Exception {
        System.out.printf("%npeer: substring scan in PostgreSQL (alt, file name, tags ILIKE '%%word%%'), first 24%n");
        try (Connection db = set.connect();
                PreparedStatement scan = db.prepareStatement("""
                        SELECT id FROM image_view
                         WHERE status = 'published' AND NOT deleted
                           AND (alt ILIKE ? OR filename ILIKE ? OR tags::text ILIKE ?)
                         LIMIT 24""")) {
            for (String kind : List.of("one word: frequent", "one word: middling")) {
                List<Double> ms = new ArrayList<>();
                for (int pass = -1; pass < 2; pass++) {
                    for (String q : queries.get(kind)) {
                        String like = "%" + q + "%";
                        scan.setString(1, like);
                        scan.setString(2, like);
                        scan.setString(3, like);
                        long start = System.nanoTime();
                        try (ResultSet rows = scan.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1, UUID.class);
                            }
                        }
                        if (pass >= 0) {
                            ms.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-34s %-10s %9.2f %9.2f %9.2f%n",
                        kind,
                        "(SQL only)",
                        Stats.percentile(ms, 50),
                        Stats.percentile(ms, 99),
                        Stats.percentile(ms, 100));
            }
        }
    }

    /**
     * The queries, from the words the seeded photos hold, by how many photos hold them (in a 2 % sample): the 20
     * most frequent words of four letters or more (each in 3 % to 8 % of photos: 30 000 to 80 000 matches), 20 of
     * middling frequency (about 0.3 %), their first five letters, the same with a letter left out, and three-word
     * queries of two frequent words and a middling one.
     */
    private static Map<String, List<String>> queries(DataSet set) throws Exception {
        List<String> frequent = new ArrayList<>();
        List<String> middling = new ArrayList<>();
        try (Connection db = set.connect();
                ResultSet rows = db.createStatement().executeQuery("""
                        SELECT word, ndoc FROM ts_stat('SELECT document FROM image_search TABLESAMPLE SYSTEM (2)')
                         WHERE word ~ '^[a-z]{4,}$' ORDER BY ndoc DESC, word""")) {
            List<String> all = new ArrayList<>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            frequent.addAll(all.subList(0, Math.min(20, all.size())));
            int middle = all.size() / 2;
            middling.addAll(all.subList(Math.max(0, middle - 10), Math.min(all.size(), middle + 10)));
        }
        Random random = new Random(7);
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("one word: frequent", frequent);
        queries.put("one word: middling", middling);
        queries.put(
                "one word: prefix",
                middling.stream()
                        .map(w -> w.substring(0, Math.min(5, w.length())))
                        .toList());
        queries.put(
                "one word: misspelt",
                middling.stream().map(w -> w.substring(0, 3) + w.substring(4)).toList());
        List<String> three = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            three.add(frequent.get(random.nextInt(frequent.size())) + " "
                    + frequent.get(random.nextInt(frequent.size())) + " "
                    + middling.get(random.nextInt(middling.size())));
        }
        queries.put("three words", three);
        return queries;
    }
}
