package dev.vitrine.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrine.api.image.event.ImageAnalyzed;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ImageAnalyzed} of revision 2, stored before the worker read how a photo was taken, read as revision 3 with
 * {@code capture} unknown (null): reprocessing the image reads it from the original.
 */
public final class ImageAnalyzedToRevision3 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(ImageAnalyzed.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_2);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            if (!payload.has("capture")) {
                ((ObjectNode) payload).putNull("capture");
            }
            return payload;
        });
    }
}
