package dev.vitrine.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitrine.api.image.ImageAnalyzed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** An ImageAnalyzed stored at revision 1, exactly as the event store held it then, still reads. */
class ImageAnalyzedToRevision2Test {

    static final String STORED_AT_REVISION_1 = """
            {"imageId":"6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01","galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",\
            "generation":1,"width":2725,"height":2225,"aspectRatio":1.2247191011235956,\
            "blurhash":"LKO2?U%2Tw=w]~RBVZRi};RPxuwH"}""";

    final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void a_revision_1_event_is_read_as_revision_2_with_its_content_type_unknown() {
        IntermediateEventRepresentation upcast = upcast(STORED_AT_REVISION_1, "1");
        assertThat(upcast.getType().getRevision()).isEqualTo("2");

        ImageAnalyzed event = serializer.deserialize(upcast.getData());
        assertThat(event.imageId()).isEqualTo(UUID.fromString("6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01"));
        assertThat(event.width()).isEqualTo(2725);
        assertThat(event.blurhash()).isEqualTo("LKO2?U%2Tw=w]~RBVZRi};RPxuwH");
        assertThat(event.contentType()).isNull();
    }

    @Test
    void a_revision_2_event_is_left_as_it_is() {
        String current = STORED_AT_REVISION_1.substring(0, STORED_AT_REVISION_1.length() - 1)
                + ",\"contentType\":\"image/jpeg\"}";
        ImageAnalyzed event = serializer.deserialize(upcast(current, "2").getData());
        assertThat(event.contentType()).isEqualTo("image/jpeg");
    }

    private IntermediateEventRepresentation upcast(String payload, String revision) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                payload.getBytes(StandardCharsets.UTF_8), byte[].class, ImageAnalyzed.class.getName(), revision);
        var entry = new GenericDomainEventEntry<>(
                "Image",
                "6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01",
                3,
                UUID.randomUUID().toString(),
                "2026-11-01T10:00:00Z",
                stored.getType().getName(),
                stored.getType().getRevision(),
                stored.getData(),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> result = new EventUpcasterChain(new ImageAnalyzedToRevision2())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(result).hasSize(1);
        return result.getFirst();
    }
}
