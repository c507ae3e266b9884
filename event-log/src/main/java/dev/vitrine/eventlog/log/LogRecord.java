package dev.vitrine.eventlog.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.identity.Actor;
import dev.vitrine.api.integration.CloudEvent;
import dev.vitrine.api.integration.IntegrationTypes;
import java.time.Instant;
import java.util.UUID;

/**
 * One public event of the integration log, as every channel delivers it.
 *
 * @param restricted whether, when it was read, it was for its gallery's owner, administrators and auditors only
 *                   (see {@link GalleryAudience#reach} and {@link IntegrationLog#RESTRICTED_NOW})
 */
public record LogRecord(
        long position,
        String eventId,
        UUID galleryId,
        Instant occurredAt,
        String type,
        String subject,
        JsonNode data,
        boolean restricted,
        UUID ownerId) {

    /** Whether {@code subscriber} may receive it: anyone when it is not restricted, else the owner, admins, auditors. */
    public boolean mayReach(Actor subscriber) {
        return !restricted || subscriber.mayAudit() || (ownerId != null && ownerId.equals(subscriber.userId()));
    }

    public CloudEvent cloudEvent(String source, ObjectMapper json) {
        try {
            return new CloudEvent(
                    CloudEvent.SPEC_VERSION,
                    eventId,
                    source,
                    type,
                    occurredAt,
                    subject,
                    galleryId.toString(),
                    CloudEvent.sequence(position),
                    CloudEvent.CONTENT_TYPE,
                    null,
                    json.treeToValue(data, IntegrationTypes.dataOf(type)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged event's data no longer reads as " + type, e);
        }
    }
}
