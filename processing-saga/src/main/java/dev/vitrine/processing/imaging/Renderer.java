package dev.vitrine.processing.imaging;

/** Decodes an accepted image into the variant sizes. The only place that touches pixels. */
public interface Renderer {

    RenderedImage render(byte[] original, SourceFormat format, ImageHeader header) throws ImagingFailure;

    /**
     * As {@link #render(byte[], SourceFormat, ImageHeader)}, starting the largest size's encoding in {@code first}
     * as soon as it is decoded, while the smaller sizes are made: the encoding the caller will ask for next (none
     * when null).
     */
    default RenderedImage render(byte[] original, SourceFormat format, ImageHeader header, Encoding first)
            throws ImagingFailure {
        return render(original, format, header);
    }
}
