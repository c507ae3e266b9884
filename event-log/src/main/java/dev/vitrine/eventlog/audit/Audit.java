package dev.vitrine.eventlog.audit;

import dev.vitrine.api.audit.ChainVerification;
import dev.vitrine.api.audit.GalleryAsOf;
import dev.vitrine.api.audit.HistoryPage;
import dev.vitrine.api.upcasting.Upcasters;
import dev.vitrine.eventlog.chain.ChainVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What auditors ask: a gallery's history, the gallery as it was, and whether the log is as it was written. */
@Component
class Audit {

    private static final int REPLAY_PAGE = 5_000;

    private final GalleryHistory history;
    private final ChainVerifier chains;
    private final Checkpoints checkpoints;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcasterChain upcasters = Upcasters.chain();

    Audit(
            GalleryHistory history,
            ChainVerifier chains,
            Checkpoints checkpoints,
            JdbcTemplate jdbc,
            @Qualifier("eventSerializer") Serializer serializer) {
        this.history = history;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    Optional<HistoryPage> history(UUID galleryId, long after, int limit) {
        if (!history.known(galleryId)) {
            return Optional.empty();
        }
        List<GalleryHistory.Stored> page = history.after(galleryId, after, limit + 1);
        boolean more = page.size() > limit;
        List<GalleryHistory.Stored> shown = more ? page.subList(0, limit) : page;
        return Optional.of(new HistoryPage(
                shown.stream().map(history::entry).toList(),
                shown.isEmpty() ? null : shown.getLast().position(),
                more));
    }

    /** The gallery at {@code asOf}, replayed from its stored events; empty if it did not exist yet. */
    Optional<GalleryAsOf> asOf(UUID galleryId, Instant asOf) {
        GalleryReplay replay = new GalleryReplay();
        long position = 0;
        List<GalleryHistory.Stored> page;
        do {
            page = history.after(galleryId, position, REPLAY_PAGE);
            for (GalleryHistory.Stored stored : page) {
                if (!stored.instant().isAfter(asOf)) {
                    replay.apply(event(stored), stored.instant(), stored.position());
                }
            }
            position = page.isEmpty() ? position : page.getLast().position();
        } while (page.size() == REPLAY_PAGE);
        return replay.existed() ? Optional.of(replay.view(asOf)) : Optional.empty();
    }

    /** The chains of the gallery's aggregates; without a gallery, every aggregate and every checkpoint. */
    ChainVerification verify(UUID galleryId) {
        List<String> aggregates = galleryId != null
                ? history.aggregates(galleryId)
                : jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry", String.class);
        ChainVerifier.Report report = chains.verify(aggregates);
        if (report.firstBroken().isPresent()) {
            var broken = report.firstBroken().get();
            return new ChainVerification(
                    galleryId,
                    false,
                    report.aggregates(),
                    report.events(),
                    report.unchained(),
                    0,
                    new ChainVerification.BrokenLink(
                            broken.aggregateId(),
                            broken.sequenceNumber(),
                            broken.eventId(),
                            broken.globalIndex(),
                            null,
                            broken.problem()));
        }
        if (galleryId != null) {
            return new ChainVerification(
                    galleryId, true, report.aggregates(), report.events(), report.unchained(), 0, null);
        }
        List<Checkpoints.Checkpoint> made = checkpoints.all();
        Checkpoints.Checkpoint previous = new Checkpoints.Checkpoint(0, 0, "");
        for (Checkpoints.Checkpoint checkpoint : made) {
            Checkpoints.Checkpoint again = checkpoints.extend(previous, checkpoint.position());
            if (!again.hash().equals(checkpoint.hash()) || again.events() != checkpoint.events()) {
                return new ChainVerification(
                        null,
                        false,
                        report.aggregates(),
                        report.events(),
                        report.unchained(),
                        made.size(),
                        new ChainVerification.BrokenLink(
                                null,
                                null,
                                null,
                                null,
                                checkpoint.position(),
                                "the log up to position " + checkpoint.position()
                                        + " is not what its checkpoint covered: "
                                        + "an event was removed, added or rewritten before it"));
            }
            previous = checkpoint;
        }
        return new ChainVerification(
                null, true, report.aggregates(), report.events(), report.unchained(), made.size(), null);
    }

    /** A stored event as today's type, read through the same upcasters as the event store reads it. */
    private Object event(GalleryHistory.Stored stored) {
        var entry = new GenericDomainEventEntry<>(
                stored.aggregateType(),
                stored.aggregateId(),
                stored.sequenceNumber(),
                stored.eventId(),
                stored.timestamp(),
                stored.type(),
                stored.revision(),
                stored.payload(),
                stored.metadata());
        var events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters);
        if (!events.hasNext()) {
            throw new IllegalStateException("event " + stored.eventId() + " (" + stored.type() + ") cannot be read");
        }
        return events.next().getPayload();
    }
}
