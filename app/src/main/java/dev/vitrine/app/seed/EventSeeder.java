package dev.vitrine.app.seed;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.eventlog.chain.ChainedEventStorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Fills an empty database with a plan's worth of history, appended in batches through Axon's JDBC event store, as
 * if the galleries had been used for a year. Only the read model is left to build it: the other processors
 * (policies, cleanup, processing saga) start after the seeded history, which needs no action from them.
 */
public final class EventSeeder {

    /** Tracking processors that must not act on made-up history (they would e.g. try to process its uploads). */
    static final List<String> PROCESSORS_AFTER_HISTORY =
            List.of("gallery-cover", "stored-object-cleanup", "ImageProcessingSagaProcessor");

    public static final String OWNER_PASSWORD = "owner-password";
    private static final int BATCH = 6_000;

    private EventSeeder() {}

    public static SeedResult seed(DataSource dataSource, SeedPlan plan, Consumer<String> progress) {
        long started = System.nanoTime();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long existing = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("seeding needs a database without events; this one has " + existing);
        }
        var transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        var connections = new SpringDataSourceConnectionProvider(dataSource);
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
        JdbcEventStorageEngine events = new ChainedEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .batchSize(BATCH));

        Random random = new Random(plan.seed());
        int[] sizes = plan.gallerySizes();
        long total = plan.galleries() * 2L + plan.images() * (long) SeedEvents.EVENTS_PER_IMAGE;
        Instant start = Instant.now().minus(Duration.ofDays(365));
        Duration step = Duration.ofDays(365).dividedBy(Math.max(1, total));
        long[] tick = {0};
        SeedEvents make = new SeedEvents(random, () -> start.plus(step.multipliedBy(tick[0]++)));

        List<UUID> owners = owners(jdbc, Math.max(1, plan.galleries() / 10), random);
        List<SeedResult.SeededGallery> galleries = new ArrayList<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH + 20);
        long appended = 0;
        long nextReport = 1_000_000;
        for (int i = 0; i < plan.galleries(); i++) {
            UUID id = SeedEvents.uuid(random);
            UUID owner = owners.get(i % owners.size());
            Visibility visibility = i < Math.max(1, plan.galleries() / 2500) ? Visibility.PUBLIC : visibility(random);
            galleries.add(
                    new SeedResult.SeededGallery(id, owner, "owner-" + (i % owners.size()), visibility, sizes[i]));
            batch.addAll(make.gallery(id, owner, "Gallery " + (i + 1), visibility));
        }
        // the command side's facts, as its subscribing processor keeps them for live events
        jdbc.batchUpdate(
                "INSERT INTO gallery_lookup (gallery_id, owner_id) VALUES (?, ?)",
                galleries.stream()
                        .map(gallery -> new Object[] {gallery.id(), gallery.ownerId()})
                        .toList());
        int[] slots = shuffledSlots(sizes, random);
        boolean[] covered = new boolean[plan.galleries()];
        List<Object[]> lookups = new ArrayList<>();
        for (int n = 0; n < slots.length; n++) {
            SeedResult.SeededGallery gallery = galleries.get(slots[n]);
            UUID imageId = SeedEvents.uuid(random);
            List<DomainEventMessage<?>> image = make.publishedImage(gallery.id(), imageId, gallery.ownerId(), n);
            batch.addAll(image);
            if (image.get(1).getPayload() instanceof UploadConfirmed confirmed) {
                lookups.add(new Object[] {
                    imageId,
                    gallery.id(),
                    confirmed.objectKey(),
                    confirmed.size(),
                    confirmed.contentType(),
                    confirmed.sha256()
                });
            }
            if (!covered[slots[n]]) {
                covered[slots[n]] = true;
                batch.add(make.cover(gallery.id(), imageId));
            }
            if (batch.size() >= BATCH) {
                appended += append(events, jdbc, batch, lookups);
                if (appended >= nextReport) {
                    nextReport += 1_000_000;
                    progress.accept("%,d of %,d images, %,d events".formatted(n + 1, slots.length, appended));
                }
            }
        }
        appended += append(events, jdbc, batch, lookups);
        skipHistory(connections, serializer, transactions, events.createHeadToken());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new SeedResult(galleries, plan.images(), appended, took, OWNER_PASSWORD);
    }

    private static long append(
            JdbcEventStorageEngine events,
            JdbcTemplate jdbc,
            List<DomainEventMessage<?>> batch,
            List<Object[]> lookups) {
        int count = batch.size();
        events.appendEvents(batch);
        jdbc.batchUpdate("""
                INSERT INTO image_lookup (image_id, gallery_id, object_key, declared_size, content_type, confirmed,
                                          sha256)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)""", lookups);
        batch.clear();
        lookups.clear();
        return count;
    }

    private static List<UUID> owners(JdbcTemplate jdbc, int count, Random random) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(OWNER_PASSWORD);
        List<Object[]> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = SeedEvents.uuid(random);
            ids.add(id);
            rows.add(new Object[] {id, "owner-" + i, hash});
        }
        jdbc.batchUpdate("INSERT INTO account (id, username, password_hash) VALUES (?, ?, ?)", rows);
        return ids;
    }

    private static Visibility visibility(Random random) {
        int draw = random.nextInt(10);
        return draw < 7 ? Visibility.PUBLIC : draw < 9 ? Visibility.UNLISTED : Visibility.PRIVATE;
    }

    /** Which gallery each image goes to, in upload order: galleries grow side by side, not one after another. */
    private static int[] shuffledSlots(int[] sizes, Random random) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        int[] slots = new int[total];
        int next = 0;
        for (int gallery = 0; gallery < sizes.length; gallery++) {
            for (int i = 0; i < sizes[gallery]; i++) {
                slots[next++] = gallery;
            }
        }
        for (int i = slots.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = slots[i];
            slots[i] = slots[j];
            slots[j] = swap;
        }
        return slots;
    }

    private static void skipHistory(
            SpringDataSourceConnectionProvider connections,
            JacksonSerializer serializer,
            SpringTransactionManager transactions,
            TrackingToken head) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .build();
        transactions.executeInTransaction(() ->
                PROCESSORS_AFTER_HISTORY.forEach(processor -> tokens.initializeTokenSegments(processor, 1, head)));
    }
}
