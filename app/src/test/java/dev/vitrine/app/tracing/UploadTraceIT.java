package dev.vitrine.app.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.image.ImageStatus;
import dev.vitrine.api.image.query.ImageView;
import dev.vitrine.app.support.Api;
import dev.vitrine.app.support.Trace;
import dev.vitrine.app.support.VitrineIntegrationTest;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One upload, followed through its spans: the API's request, the command, the event store, the saga, the worker. */
@VitrineIntegrationTest
@Import(UploadTraceIT.Exporter.class)
@TestPropertySource(
        properties = {
            "management.tracing.sampling.probability=1.0",
            "logging.level.dev.vitrine.processing.worker.ImageWorker=debug"
        })
@ExtendWith(OutputCaptureExtension.class)
class UploadTraceIT {

    @TestConfiguration
    static class Exporter {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    WebTestClient http;

    @Autowired
    InMemorySpanExporter spans;

    @Test
    void one_uploads_trace_runs_from_the_api_through_the_event_store_and_the_saga_to_the_worker(CapturedOutput output) {
        Api api = new Api(http);
        Api.User owner = api.register();
        GalleryView gallery = api.createGallery(owner, "Traced", Visibility.PUBLIC);
        ImageView image = api.upload(owner, gallery.id(), "Landscape_2.jpg");
        api.awaitImage(owner, gallery.id(), image.id(), i -> i.status() == ImageStatus.PUBLISHED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Trace trace = Trace.ofSpanData(spans.getFinishedSpanItems(), "http post /api/uploads/{uploadId}/confirm");
            Trace.Span request = trace.only("http post /api/uploads/{uploadId}/confirm");
            Trace.Span command = trace.only("CommandBus.dispatchCommand(ConfirmUpload)");
            Trace.Span stored = trace.childOf(command, "EventBus.commitEvents");
            Trace.Span saga = trace.only("SagaManager.invokeSaga(ImageProcessingSaga)(UploadConfirmed)");
            Trace.Span publishing = trace.only("process image: publish");
            Trace.Span completing = trace.only("process image: complete");
            trace.childOf(publishing, "CommandBus.dispatchCommand(RecordProcessingResult)");
            trace.childOf(completing, "CommandBus.dispatchCommand(RecordProcessingResult)");

            assertThat(trace.descends(command, request))
                    .as("the command, sent by the request")
                    .isTrue();
            assertThat(trace.descends(stored, command))
                    .as("its events appended")
                    .isTrue();
            assertThat(trace.descends(saga, command))
                    .as("the saga, handling what it appended")
                    .isTrue();
            assertThat(trace.descends(publishing, saga))
                    .as("the job, queued by the saga")
                    .isTrue();
            assertThat(trace.descends(completing, publishing))
                    .as("the AVIF half, queued by the first")
                    .isTrue();
            assertThat(publishing.attributes().toString()).contains(image.id().toString());

            // the worker's log lines name the trace, the job's span and the upload's correlation id
            String correlationId = command.attributes().get("axon_metadata_correlationId");
            assertThat(output.getOut()
                            .lines()
                            .filter(line -> line.contains("PUBLISH half")
                                    && line.contains(image.id().toString())))
                    .singleElement()
                    .asString()
                    .contains("[" + trace.traceId() + "," + publishing.spanId() + "," + correlationId + "]");
        });
    }
}
