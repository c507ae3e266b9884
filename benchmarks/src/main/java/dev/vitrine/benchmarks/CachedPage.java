package dev.vitrine.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cached image page of a public gallery (limit 50) read anonymously under wrk, side by side with nginx
 * serving the same bytes, in both cache modes: with Redis (every node's shared cache) and without (one node's
 * in-process cache). The short form of {@code benchmarks/run reads}: it needs only the 1,000-image data set.
 *
 * <p>With a second jar (an earlier build), the two are compared in the same run instead: both answer in turn,
 * with nginx, under the same load.
 *
 * <pre>CachedPage JAR WORK_DIR [EARLIER_JAR]</pre>
 */
public final class CachedPage {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        if (args.length > 2) {
            compareBuilds(Path.of(args[2]), jar, work);
            return;
        }
        DataSet set = DataSet.SMALL;
        set.ensureSeeded(jar);
        Path body = work.resolve("cached-page.json");
        String page;
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        try (App app = App.start(
                jar,
                work.resolve("cached-page-redis"),
                set.database(),
                0,
                List.of(
                        "--spring.data.redis.host=127.0.0.1",
                        "--vitrine.cache.key-prefix=" + prefix,
                        "--vitrine.admin.username=" + Reads.ADMIN,
                        "--vitrine.admin.password=" + Reads.ADMIN_PASSWORD))) {
            Reads.awaitReadModel(app.base(), set); // a freshly seeded set is projected at the first start
            DataSet.Gallery gallery = set.largestGallery();
            if (!gallery.visibility().equals("public")) {
                throw new IllegalStateException("the anonymous read needs a public gallery; " + gallery + " is not");
            }
            page = Reads.shapes(gallery).get("image page 1, limit 50");
            Files.write(body, new ReadClient(app.base(), null, null, prefix + "epoch").body(page));
            System.out.printf(
                    "%n%s, gallery %s (%,d images, public), read anonymously%n",
                    set.name(), gallery.id(), gallery.images());
            System.out.printf("%nWith Redis (the cache every node shares):%n");
            Throughput.compareWithNginx(app.port(), page, null, null, body, work);
        }
        try (App app = App.start(
                jar,
                work.resolve("cached-page-local"),
                set.database(),
                0,
                List.of(
                        "--vitrine.admin.username=" + Reads.ADMIN,
                        "--vitrine.admin.password=" + Reads.ADMIN_PASSWORD))) {
            Reads.awaitReadModel(app.base(), set);
            System.out.printf("%nWithout Redis (one node, its in-process cache):%n");
            Throughput.compareWithNginx(app.port(), page, null, null, body, work);
        }
    }

    /** Both builds on the 1k set, the anonymous cached page read in turn, in each cache mode. */
    private static void compareBuilds(Path before, Path after, Path work) throws Exception {
        DataSet set = DataSet.SMALL;
        set.ensureSeeded(after);
        for (boolean redis : new boolean[] {true, false}) {
            String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            try (App was = App.start(
                            before, work.resolve("builds-before"), set.database(), 0, settings(redis, prefix + "-b:"));
                    App is = App.start(
                            after, work.resolve("builds-after"), set.database(), 0, settings(redis, prefix + "-a:"))) {
                Reads.awaitReadModel(was.base(), set);
                Reads.awaitReadModel(is.base(), set);
                DataSet.Gallery gallery = set.largestGallery();
                String page = Reads.shapes(gallery).get("image page 1, limit 50");
                Path body = work.resolve("cached-page.json");
                Files.write(body, new ReadClient(is.base(), null, null, prefix + "-a:epoch").body(page));
                System.out.printf(
                        "%n%s, both builds at once, anonymous reads of gallery %s: %s%n",
                        set.name(),
                        gallery.id(),
                        redis ? "with Redis (the cache every node shares)" : "without Redis (in-process cache)");
                Throughput.compareBuilds(page, was.port(), is.port(), body, work);
            }
        }
    }

    /** Each build its own cache keys, so that neither answers from what the other stored. */
    private static List<String> settings(boolean redis, String keyPrefix) {
        List<String> settings = new ArrayList<>();
        if (redis) {
            settings.add("--spring.data.redis.host=127.0.0.1");
            settings.add("--vitrine.cache.key-prefix=" + keyPrefix);
        }
        settings.add("--vitrine.admin.username=" + Reads.ADMIN);
        settings.add("--vitrine.admin.password=" + Reads.ADMIN_PASSWORD);
        return settings;
    }
}
