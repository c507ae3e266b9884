package dev.vitrine.api.image.query;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many images wait for processing, all accounts together: what the web client shows beside an image that is
 * still processing, so that under a burst it reads "queued, N waiting" rather than a spinner with no end in sight.
 * A count only: nothing of whose images they are.
 *
 * @param waiting images confirmed and not yet taken up by a worker
 */
@Schema(name = "ProcessingBacklog")
public record ProcessingBacklogView(long waiting) {}
