package dev.vitrine.processing.imaging;

import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsUnavailableException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvips on this node, or why it is not there. Without it the node still serves everything but processing,
 * and says so once, clearly, at start.
 */
public final class ImagingRuntime {

    private static final Logger log = LoggerFactory.getLogger(ImagingRuntime.class);

    private final Vips vips;
    private final String problem;

    private ImagingRuntime(Vips vips, String problem) {
        this.vips = vips;
        this.problem = problem;
    }

    public static ImagingRuntime load(String library) {
        try {
            return new ImagingRuntime(Vips.load(library), null);
        } catch (VipsUnavailableException e) {
            log.error("Image processing is OFF on this node: {}", e.getMessage());
            return new ImagingRuntime(null, e.getMessage());
        }
    }

    public Optional<Vips> vips() {
        return Optional.ofNullable(vips);
    }

    /** For the startup report. */
    public String describe() {
        return vips != null ? "libvips " + vips.version() : "unavailable: " + problem;
    }
}
