package dev.vitrine.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrine.api.image.event.ImageAnalyzed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ImageAnalyzed} of revision 3, stored before the worker fingerprinted photos, read as revision 4 with
 * {@code fingerprint} unknown (null): such an image is in no group of near-duplicates until it is reprocessed.
 */
public final class ImageAnalyzedToRevision4 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "3");
    private static final SimpleSerializedType REVISION_4 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "4");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_3);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_4, JsonNode.class, payload -> {
            if (!payload.has("fingerprint")) {
                ((ObjectNode) payload).putNull("fingerprint");
            }
            return payload;
        });
    }
}
