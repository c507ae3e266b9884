package dev.vitrine.processing.imaging;

/**
 * From uploaded bytes to variants: recognise the real format (and refuse one the client misnamed), read the
 * header in Java and refuse images over the pixel limit or built to cost far more than their pixels, and only then
 * decode.
 */
public final class ImagePipeline {

    private final Renderer renderer;
    private final ImagingSettings settings;

    public ImagePipeline(Renderer renderer, ImagingSettings settings) {
        this.renderer = renderer;
        this.settings = settings;
    }

    public RenderedImage render(byte[] original, String declaredContentType) throws ImagingFailure {
        return render(original, declaredContentType, null);
    }

    /** {@code first}, when given, is the encoding the caller asks for next: the renderer may start it early. */
    public RenderedImage render(byte[] original, String declaredContentType, Encoding first) throws ImagingFailure {
        SourceFormat format = SourceFormat.sniff(original)
                .orElseThrow(() -> new ImagingFailure(
                        ImagingFailure.Code.UNSUPPORTED_FORMAT,
                        "the file is not a JPEG, PNG, GIF, WebP, HEIC or AVIF image"));
        if (!format.contentType().equals(declaredContentType)) {
            throw new ImagingFailure(
                    ImagingFailure.Code.CONTENT_TYPE_MISMATCH,
                    "the upload was declared " + declaredContentType + " but the file is " + format.contentType());
        }
        ImageHeader header = HeaderProbe.read(original, format);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImagingFailure(ImagingFailure.Code.CORRUPT_IMAGE, "the image header gives no size");
        }
        if (header.pixels() > settings.pixelLimit()) {
            throw new ImagingFailure(
                    ImagingFailure.Code.TOO_MANY_PIXELS,
                    "the image has " + header.width() + "×" + header.height() + " = " + header.pixels()
                            + " pixels; the limit is " + settings.pixelLimit());
        }
        FileStructure.check(original, format);
        return renderer.render(original, format, header, first);
    }
}
