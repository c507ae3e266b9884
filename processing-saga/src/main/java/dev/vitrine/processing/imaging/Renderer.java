package dev.vitrine.processing.imaging;

/** Decodes an accepted image into the variant sizes. The only place that touches pixels. */
public interface Renderer {

    RenderedImage render(byte[] original, SourceFormat format, ImageHeader header) throws ImagingFailure;
}
