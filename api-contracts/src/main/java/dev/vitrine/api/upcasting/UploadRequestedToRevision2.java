package dev.vitrine.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitrine.api.image.event.UploadRequested;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link UploadRequested} of revision 1, stored before galleries had contributors, read as revision 2 with the
 * gallery's owner as its uploader: only an owner (or an administrator acting for one) could upload then, and those
 * images are the owner's to edit.
 */
public final class UploadRequestedToRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(UploadRequested.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(UploadRequested.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (!payload.has("uploaderId")) {
                ((ObjectNode) payload).set("uploaderId", payload.get("ownerId"));
            }
            return payload;
        });
    }
}
