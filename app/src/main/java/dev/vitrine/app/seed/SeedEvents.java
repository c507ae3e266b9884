package dev.vitrine.app.seed;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.image.UploadRules;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageProcessingCompleted;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageTagsChanged;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import dev.vitrine.api.metadata.EventMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The events a real upload leaves behind, made up: requested, confirmed, described and tagged ({@link SeedWords}),
 * analysed, four WebP variants, published, four AVIF variants, processing completed ({@link #EVENTS_PER_IMAGE}), and a gallery's creation and first cover. Each event carries the
 * metadata real ones carry (actor, correlation, causation).
 */
final class SeedEvents {

    private static final String BLURHASH = "LEHV6nWB2yk8pyo0adR*.7kCMdnj";
    private static final VariantSize[] SIZES = VariantSize.values();

    /** Requested, confirmed, described, tagged, analysed, four WebP, published, four AVIF, completed. */
    static final int EVENTS_PER_IMAGE = 15;

    private final Random random;
    private final Supplier<Instant> clock;
    private final SeedWords words;

    SeedEvents(Random random, Supplier<Instant> clock) {
        this.random = random;
        this.clock = clock;
        this.words = new SeedWords(random);
    }

    List<DomainEventMessage<?>> gallery(UUID galleryId, UUID ownerId, String name, Visibility visibility) {
        Chain chain = new Chain("Gallery", galleryId, ownerId);
        chain.add(new GalleryCreated(galleryId, ownerId, name, words.description(), visibility));
        return chain.events;
    }

    DomainEventMessage<?> cover(UUID galleryId, UUID imageId) {
        Chain chain = new Chain("Gallery", galleryId, null);
        chain.sequence = 1;
        chain.add(new GalleryCoverChanged(galleryId, imageId));
        return chain.events.getFirst();
    }

    List<DomainEventMessage<?>> publishedImage(UUID galleryId, UUID imageId, UUID ownerId, int number) {
        Chain chain = new Chain("Image", imageId, ownerId);
        long size = 1_000_000 + random.nextInt(6_000_000);
        String original = UploadRules.originalKey(galleryId, imageId);
        Instant requested = clock.get();
        chain.add(new UploadRequested(
                imageId,
                galleryId,
                ownerId,
                ownerId,
                "photo-%07d.jpg".formatted(number),
                "image/jpeg",
                size,
                original,
                requested.plus(Duration.ofMinutes(15))));
        chain.add(new UploadConfirmed(imageId, galleryId, original, "image/jpeg", size, hex(32)));
        boolean landscape = random.nextInt(3) > 0;
        int width = landscape ? 4000 : 3000;
        int height = landscape ? 3000 : 4000;
        chain.add(new ImageAltChanged(imageId, galleryId, words.alt()));
        List<String> tags = words.tags();
        chain.add(new ImageTagsChanged(imageId, galleryId, tags, tags, List.of()));
        chain.add(new ImageAnalyzed(
                imageId,
                galleryId,
                1,
                width,
                height,
                (double) width / height,
                BLURHASH,
                "image/jpeg",
                words.capture(),
                null));
        variants(chain, galleryId, imageId, width, height, VariantFormat.WEBP);
        chain.add(new ImagePublished(imageId, galleryId, 1));
        variants(chain, galleryId, imageId, width, height, VariantFormat.AVIF);
        chain.add(new ImageProcessingCompleted(imageId, galleryId, 1));
        return chain.events;
    }

    private void variants(Chain chain, UUID galleryId, UUID imageId, int width, int height, VariantFormat format) {
        for (VariantSize size : SIZES) {
            int[] box = switch (size) {
                case THUMBNAIL -> new int[] {80, 80};
                case SMALL -> new int[] {300, 300};
                case MEDIUM -> new int[] {800, 800};
                case LARGE -> new int[] {1920, 1080};
            };
            double scale =
                    size == VariantSize.THUMBNAIL ? 1 : Math.min((double) box[0] / width, (double) box[1] / height);
            int w = size == VariantSize.THUMBNAIL ? 80 : (int) Math.round(width * scale);
            int h = size == VariantSize.THUMBNAIL ? 80 : (int) Math.round(height * scale);
            long bytes = (long) w * h / (format == VariantFormat.WEBP ? 9 : 12) + random.nextInt(2_000);
            String key = UploadRules.variantPrefix(galleryId, imageId, 1)
                    + size.name().toLowerCase() + "-" + hex(8) + "."
                    + format.name().toLowerCase();
            chain.add(new VariantGenerated(imageId, galleryId, 1, size, format, w, h, bytes, key));
        }
    }

    /** A version 4 UUID drawn from the plan's random source, so that a plan always gives the same ids. */
    static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** One aggregate's events, each caused by the one before and sharing one correlation id. */
    private final class Chain {

        final List<DomainEventMessage<?>> events = new ArrayList<>();
        final String type;
        final UUID aggregateId;
        final String actor;
        final String correlationId = SeedEvents.uuid(random).toString();
        long sequence;
        String cause = correlationId;

        Chain(String type, UUID aggregateId, UUID actor) {
            this.type = type;
            this.aggregateId = aggregateId;
            this.actor = actor == null ? EventMetadata.SYSTEM_ACTOR : actor.toString();
        }

        void add(Object payload) {
            String id = SeedEvents.uuid(random).toString();
            MetaData metaData = MetaData.from(Map.of(
                    EventMetadata.ACTOR_ID,
                    actor,
                    EventMetadata.CORRELATION_ID,
                    correlationId,
                    EventMetadata.CAUSATION_ID,
                    cause));
            events.add(new GenericDomainEventMessage<>(
                    type, aggregateId.toString(), sequence++, payload, metaData, id, clock.get()));
            cause = id;
        }
    }
}
