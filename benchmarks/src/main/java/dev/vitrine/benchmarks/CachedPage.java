package dev.vitrine.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The cached image page of a public gallery (limit 50) read anonymously under wrk, side by side with nginx
 * serving the same bytes, in both cache modes: with Redis (every node's shared cache) and without (one node's
 * in-process cache). The short form of {@code benchmarks/run reads}: it needs only the 1,000-image data set.
 *
 * <pre>CachedPage JAR WORK_DIR</pre>
 */
public final class CachedPage {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
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
}
