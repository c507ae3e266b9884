package dev.vitrine.processing.imaging;

import java.util.List;

/** An image decoded and resized to every variant size, ready to be encoded. Holds native memory: close it. */
public interface RenderedImage extends AutoCloseable {

    ImageAnalysis analysis();

    /** The four variants in this format, largest first. */
    List<EncodedVariant> encode(Encoding encoding);

    @Override
    void close();
}
