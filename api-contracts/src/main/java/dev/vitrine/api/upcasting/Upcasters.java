package dev.vitrine.api.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of Vitrine's events, in the order they must run: a stored event is first read under its current
 * class name, then brought from its stored revision to the current one. The app registers this chain, and whoever
 * reads stored events without Axon's event store (the audit replay) reads them through it too.
 */
public final class Upcasters {

    private Upcasters() {}

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new EventPackagesSplitByKind(),
                new ImageAnalyzedToRevision2(),
                new ImageAnalyzedToRevision3(),
                new ImageAnalyzedToRevision4(),
                new UploadRequestedToRevision2());
    }
}
