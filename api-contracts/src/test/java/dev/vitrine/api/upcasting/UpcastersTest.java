package dev.vitrine.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.image.Capture;
import dev.vitrine.api.image.Fingerprint;
import dev.vitrine.api.image.VariantFormat;
import dev.vitrine.api.image.VariantSize;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Events exactly as the event store held them when they were written still read as today's events. */
class UpcastersTest {

    static final String IMAGE = "6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01";
    static final String GALLERY = "1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b";

    static final String ANALYZED_AT_REVISION_1 = """
            {"imageId":"6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01","galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",\
            "generation":1,"width":2725,"height":2225,"aspectRatio":1.2247191011235956,\
            "blurhash":"LKO2?U%2Tw=w]~RBVZRi};RPxuwH"}""";

    final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    /** As the app writes events: Spring's ObjectMapper, dates as ISO text. */
    final JacksonSerializer appSerializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .findAndAddModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build())
            .build();

    @Test
    void
            an_image_analyzed_of_revision_1_stored_under_its_old_name_reads_as_revision_4_with_what_was_not_kept_unknown() {
        IntermediateEventRepresentation upcast =
                upcast("dev.vitrine.api.image.ImageAnalyzed", "1", ANALYZED_AT_REVISION_1);
        assertThat(upcast.getType().getName()).isEqualTo(ImageAnalyzed.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("4");

        ImageAnalyzed event = serializer.deserialize(upcast.getData());
        assertThat(event.imageId()).isEqualTo(UUID.fromString(IMAGE));
        assertThat(event.width()).isEqualTo(2725);
        assertThat(event.blurhash()).isEqualTo("LKO2?U%2Tw=w]~RBVZRi};RPxuwH");
        assertThat(event.contentType()).isNull();
    }

    @Test
    void an_image_analyzed_of_revision_1_under_its_current_name_reads_as_revision_4() {
        IntermediateEventRepresentation upcast = upcast(ImageAnalyzed.class.getName(), "1", ANALYZED_AT_REVISION_1);
        assertThat(upcast.getType().getRevision()).isEqualTo("4");
        ImageAnalyzed event = serializer.deserialize(upcast.getData());
        assertThat(event.contentType()).isNull();
    }

    @Test
    void an_image_analyzed_of_revision_2_reads_as_revision_4_with_how_it_was_taken_and_its_look_unknown() {
        String revision2 = ANALYZED_AT_REVISION_1.substring(0, ANALYZED_AT_REVISION_1.length() - 1)
                + ",\"contentType\":\"image/jpeg\"}";
        IntermediateEventRepresentation upcast = upcast(ImageAnalyzed.class.getName(), "2", revision2);
        assertThat(upcast.getType().getRevision()).isEqualTo("4");
        ImageAnalyzed event = serializer.deserialize(upcast.getData());
        assertThat(event.contentType()).isEqualTo("image/jpeg");
        assertThat(event.capture()).isNull();
        assertThat(event.fingerprint()).isNull();
    }

    @Test
    void an_image_analyzed_of_revision_3_reads_as_revision_4_with_its_look_unknown() {
        String revision3 = ANALYZED_AT_REVISION_1.substring(0, ANALYZED_AT_REVISION_1.length() - 1)
                + ",\"contentType\":\"image/jpeg\",\"capture\":null}";
        IntermediateEventRepresentation upcast = upcast(ImageAnalyzed.class.getName(), "3", revision3);
        assertThat(upcast.getType().getRevision()).isEqualTo("4");
        ImageAnalyzed event = serializer.deserialize(upcast.getData());
        assertThat(event.contentType()).isEqualTo("image/jpeg");
        assertThat(event.fingerprint()).isNull();
    }

    @Test
    void a_current_event_is_left_as_it_is() {
        String current = ANALYZED_AT_REVISION_1.substring(0, ANALYZED_AT_REVISION_1.length() - 1) + """
                ,"contentType":"image/jpeg","capture":{"takenAt":"2016-07-10T17:37:46","takenAtOffset":"+02:00",\
                "cameraMake":"Canon","cameraModel":"Canon EOS 5D Mark III","lens":null,"focalLength":35.0,\
                "aperture":2.8,"exposureTime":0.004,"iso":400,"orientation":1,\
                "location":{"latitude":38.7139,"longitude":-9.1334,"altitude":null}},\
                "fingerprint":"cc7e7a1954c407e3"}""";
        IntermediateEventRepresentation upcast = upcast(ImageAnalyzed.class.getName(), "4", current);
        assertThat(upcast.getType().getRevision()).isEqualTo("4");
        ImageAnalyzed event = appSerializer.deserialize(upcast.getData());
        assertThat(event.contentType()).isEqualTo("image/jpeg");
        assertThat(event.capture())
                .isEqualTo(new Capture(
                        LocalDateTime.of(2016, 7, 10, 17, 37, 46),
                        ZoneOffset.ofHours(2),
                        "Canon",
                        "Canon EOS 5D Mark III",
                        null,
                        35.0,
                        2.8,
                        0.004,
                        400,
                        1,
                        new Capture.Location(38.7139, -9.1334, null)));
        assertThat(event.capture().takenInstant()).isEqualTo(Instant.parse("2016-07-10T15:37:46Z"));
        assertThat(event.fingerprint()).isEqualTo(Fingerprint.ofHex("cc7e7a1954c407e3"));
    }

    @Test
    void how_a_photo_was_taken_is_written_as_text_an_auditor_reads() {
        var capture = new Capture(
                LocalDateTime.of(2016, 7, 10, 17, 37, 46),
                null,
                "Canon",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        String written =
                new String(appSerializer.serialize(capture, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(written).contains("\"takenAt\":\"2016-07-10T17:37:46\"", "\"takenAtOffset\":null");
        assertThat(capture.takenInstant())
                .as("no offset: read as UTC")
                .isEqualTo(Instant.parse("2016-07-10T17:37:46Z"));
    }

    @Test
    void an_upload_requested_of_revision_1_stored_under_its_old_name_reads_as_revision_2_uploaded_by_the_owner() {
        IntermediateEventRepresentation upcast = upcast("dev.vitrine.api.image.UploadRequested", "1", """
                {"imageId":"6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01","galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",\
                "ownerId":"0d4c3b2a-1f0e-4d9c-8b7a-695847362514","filename":"tram.jpg","contentType":"image/jpeg",\
                "size":829183,"objectKey":"uploads/1b2c/6a0f","expiresAt":"2026-11-01T10:15:00Z"}""");
        assertThat(upcast.getType().getName()).isEqualTo(UploadRequested.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");

        UploadRequested event = serializer.deserialize(upcast.getData());
        assertThat(event.ownerId()).isEqualTo(UUID.fromString("0d4c3b2a-1f0e-4d9c-8b7a-695847362514"));
        assertThat(event.uploaderId()).isEqualTo(event.ownerId());
        assertThat(event.filename()).isEqualTo("tram.jpg");
        assertThat(event.size()).isEqualTo(829_183);
    }

    @Test
    void an_upload_requested_of_revision_2_keeps_its_uploader() {
        IntermediateEventRepresentation upcast = upcast(UploadRequested.class.getName(), "2", """
                {"imageId":"6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01","galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",\
                "ownerId":"0d4c3b2a-1f0e-4d9c-8b7a-695847362514","uploaderId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",\
                "filename":"tram.jpg","contentType":"image/jpeg","size":829183,"objectKey":"uploads/1b2c/6a0f",\
                "expiresAt":"2026-11-01T10:15:00Z"}""");
        UploadRequested event = serializer.deserialize(upcast.getData());
        assertThat(event.uploaderId()).isEqualTo(UUID.fromString("5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"));
    }

    @Test
    void events_stored_before_the_contracts_were_split_by_kind_keep_their_revision_and_payload() {
        IntermediateEventRepresentation created = upcast("dev.vitrine.api.gallery.GalleryCreated", "1", """
                {"galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b","ownerId":"0d4c3b2a-1f0e-4d9c-8b7a-695847362514",\
                "name":"Holidays","description":null,"visibility":"public"}""");
        assertThat(created.getType().getName()).isEqualTo("dev.vitrine.api.gallery.event.GalleryCreated");
        assertThat(created.getType().getRevision()).isEqualTo("1");
        GalleryCreated gallery = serializer.deserialize(created.getData());
        assertThat(gallery.name()).isEqualTo("Holidays");
        assertThat(gallery.visibility()).isEqualTo(Visibility.PUBLIC);

        IntermediateEventRepresentation generated = upcast("dev.vitrine.api.image.VariantGenerated", "1", """
                {"imageId":"6a0f2c7e-7b8e-4a39-9d3e-2a3c5b7d9e01","galleryId":"1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b",\
                "generation":1,"size":"thumbnail","format":"webp","width":80,"height":80,"bytes":2048,\
                "objectKey":"g/i/g1/thumbnail-abc.webp"}""");
        VariantGenerated variant = serializer.deserialize(generated.getData());
        assertThat(variant.size()).isEqualTo(VariantSize.THUMBNAIL);
        assertThat(variant.format()).isEqualTo(VariantFormat.WEBP);
    }

    @Test
    void every_event_type_of_before_the_split_is_known_by_its_old_name() {
        List<String> old = EventPackagesSplitByKind.EVENTS_BEFORE_THE_SPLIT.stream()
                .map(EventPackagesSplitByKind::oldName)
                .toList();
        assertThat(old)
                .hasSize(17)
                .contains(
                        "dev.vitrine.api.gallery.GalleryCreated",
                        "dev.vitrine.api.gallery.GalleryCoverChanged",
                        "dev.vitrine.api.image.UploadRequested",
                        "dev.vitrine.api.image.ImagePublished",
                        "dev.vitrine.api.image.ImageReprocessingRequested");
        for (Class<?> event : EventPackagesSplitByKind.EVENTS_BEFORE_THE_SPLIT) {
            SerializedType read =
                    upcast(EventPackagesSplitByKind.oldName(event), "1", "{}").getType();
            assertThat(read.getName()).isEqualTo(event.getName());
        }
    }

    private IntermediateEventRepresentation upcast(String type, String revision, String payload) {
        var entry = new GenericDomainEventEntry<>(
                "Image",
                IMAGE,
                3,
                UUID.randomUUID().toString(),
                "2026-11-01T10:00:00Z",
                type,
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> result = Upcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(result).hasSize(1);
        return result.getFirst();
    }
}
