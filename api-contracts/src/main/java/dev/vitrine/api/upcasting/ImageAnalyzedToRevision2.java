package dev.vitrine.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrine.api.image.event.ImageAnalyzed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ImageAnalyzed} of revision 1, stored before the recognised content type was recorded, read as revision 2
 * with {@code contentType} unknown (null): what the worker found then was not kept, and must not be made up.
 */
public final class ImageAnalyzedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (!payload.has("contentType")) {
                ((ObjectNode) payload).putNull("contentType");
            }
            return payload;
        });
    }
}
