package dev.vitrine.app.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitrine.app.seed.EventSeeder;
import dev.vitrine.app.seed.SeedPlan;
import dev.vitrine.app.seed.SeedResult;

/** A fresh test database filled with a plan's history by the seeding tool, before any app starts on it. */
public final class SeededDatabase implements AutoCloseable {

    private final String url;
    private final HikariDataSource dataSource;
    private final SeedResult seeded;

    private SeededDatabase(String url, HikariDataSource dataSource, SeedResult seeded) {
        this.url = url;
        this.dataSource = dataSource;
        this.seeded = seeded;
    }

    public static SeededDatabase seed(SeedPlan plan) {
        String url = TestDatabases.create();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(TestDatabases.user());
        dataSource.setPassword(TestDatabases.password());
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new SeededDatabase(url, dataSource, EventSeeder.seed(dataSource, plan, line -> {}));
    }

    public String url() {
        return url;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public SeedResult seeded() {
        return seeded;
    }

    public Api.User owner(SeedResult.SeededGallery gallery) {
        return new Api.User(gallery.ownerUsername(), seeded.ownerPassword(), gallery.ownerId());
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
