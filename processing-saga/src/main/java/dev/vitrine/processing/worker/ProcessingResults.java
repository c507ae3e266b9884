package dev.vitrine.processing.worker;

import dev.vitrine.api.image.command.RecordProcessingFailure;
import dev.vitrine.api.image.command.RecordProcessingResult;
import dev.vitrine.api.image.command.RejectImage;
import dev.vitrine.api.metadata.EventMetadata;
import dev.vitrine.processing.job.ProcessImageJob;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * Tells the Image aggregate what a job produced. Every command says it comes from Vitrine itself, as part of the
 * upload's correlation, caused by this job.
 */
final class ProcessingResults {

    private final CommandGateway commands;

    ProcessingResults(CommandGateway commands) {
        this.commands = commands;
    }

    /** One half's output in one command: one transaction, and publication as soon as the WebP set is in. */
    void produced(ProcessImageJob job, JobProcessor.Analysed analysed, List<RecordProcessingResult.Variant> variants) {
        var recordedAnalysis = analysed == null
                ? null
                : new RecordProcessingResult.Analysis(
                        analysed.image().width(),
                        analysed.image().height(),
                        analysed.image().blurhash(),
                        analysed.image().format().contentType(),
                        analysed.capture(),
                        analysed.image().fingerprint());
        send(job, new RecordProcessingResult(job.imageId(), job.generation(), recordedAnalysis, variants));
    }

    void rejected(ProcessImageJob job, String code, String message) {
        send(job, new RejectImage(job.imageId(), job.generation(), code, message));
    }

    void failed(ProcessImageJob job, String reason) {
        send(job, new RecordProcessingFailure(job.imageId(), job.generation(), job.attempt(), reason));
    }

    private void send(ProcessImageJob job, Object command) {
        MetaData metaData = MetaData.with(EventMetadata.ACTOR_ID, EventMetadata.SYSTEM_ACTOR)
                .and(EventMetadata.CAUSATION_ID, job.jobId().toString())
                .and(EventMetadata.REASON, "image processing");
        if (job.correlationId() != null) {
            metaData = metaData.and(EventMetadata.CORRELATION_ID, job.correlationId());
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            throw new JobProcessor.RecordingFailure(e);
        }
    }
}
