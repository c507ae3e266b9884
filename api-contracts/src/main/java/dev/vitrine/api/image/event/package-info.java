/**
 * Every event of the Image aggregate, named for what happened. These are the stored event log: each is a versioned
 * record ({@code @Revision}); a change of shape gets a new revision and an upcaster in
 * {@code dev.vitrine.api.upcasting}, never an edit of what is stored. Who, when and why travel in the metadata
 * ({@code dev.vitrine.api.metadata.EventMetadata}). Integrators see them translated to {@code dev.vitrine.api.integration}.
 */
package dev.vitrine.api.image.event;
