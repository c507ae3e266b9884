package dev.vitrine.app.messaging;

import dev.vitrine.api.metadata.EventMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Gives every message created while another is handled (events applied by a command, commands sent by a saga)
 * the who and why of its cause: the actor, the request ids, the reason, one correlation id for the whole chain,
 * and the id of the message that caused it.
 */
public class EventMetadataProvider implements CorrelationDataProvider {

    private static final List<String> CARRIED_OVER =
            List.of(EventMetadata.ACTOR_ID, EventMetadata.REQUEST_ID, EventMetadata.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        MetaData metaData = cause.getMetaData();
        Map<String, Object> data = new HashMap<>();
        CARRIED_OVER.forEach(key -> {
            if (metaData.containsKey(key)) {
                data.put(key, metaData.get(key));
            }
        });
        data.put(
                EventMetadata.CORRELATION_ID,
                metaData.getOrDefault(EventMetadata.CORRELATION_ID, cause.getIdentifier()));
        data.put(EventMetadata.CAUSATION_ID, cause.getIdentifier());
        return data;
    }
}
