package dev.vitrine.api.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One event as integrators receive it, on every channel (AMQP, the event stream, webhooks): CloudEvents 1.0 in
 * structured JSON mode. This shape and the {@link IntegrationData} records are Vitrine's published contract; they
 * never change in place — a changed payload is a new type ending in {@code .v2}.
 *
 * @param id            the event's id in Vitrine's event store: the same on every delivery, so duplicates can be
 *                      dropped by it
 * @param type          e.g. {@code dev.vitrine.image.published.v1} (see {@link IntegrationTypes})
 * @param subject       {@code galleries/{galleryId}} or {@code galleries/{galleryId}/images/{imageId}}
 * @param partitionkey  the gallery's id: events of one gallery are delivered in order
 * @param sequence      the event's position in Vitrine's integration log, as a decimal string of 19 digits (so that
 *                      it sorts as text, as the CloudEvents sequence extension asks); strictly increasing, never
 *                      reused, the same on every channel
 */
@Schema(name = "CloudEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String partitionkey,
        String sequence,
        String datacontenttype,
        String dataschema,
        IntegrationData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static String sequence(long position) {
        return String.format("%019d", position);
    }

    public long position() {
        return Long.parseLong(sequence);
    }
}
