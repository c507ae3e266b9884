package dev.vitrine.processing.imaging.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.NoSuchElementException;

/**
 * libvips through the Java FFM API. {@link #load()} finds and initialises the library once; every other method
 * is one libvips operation. libvips' operation cache is off: Vitrine never repeats an operation, and the cache
 * would keep large images alive.
 */
public final class Vips {

    public static final String DEFAULT_LIBRARY = "libvips.so.42";

    private final NativeVips natives;
    private final String version;

    private Vips(NativeVips natives, String version) {
        this.natives = natives;
        this.version = version;
    }

    /** Loads libvips 8 (Debian package libvips42) or says precisely why it cannot. */
    public static Vips load() throws VipsUnavailableException {
        return load(DEFAULT_LIBRARY);
    }

    public static Vips load(String library) throws VipsUnavailableException {
        NativeVips natives;
        try {
            natives = new NativeVips(library);
        } catch (IllegalArgumentException | UnsatisfiedLinkError | IllegalCallerException | NoSuchElementException e) {
            throw new VipsUnavailableException(
                    "cannot load " + library + " (install the Debian package libvips42, "
                            + "and run Java with --enable-native-access=ALL-UNNAMED): " + e.getMessage(),
                    e);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv0 = arena.allocateFrom("vitrine");
            int failed = VipsCall.invoke(() -> (int) natives.init.invokeExact(argv0));
            if (failed != 0) {
                throw new VipsUnavailableException("vips_init failed", null);
            }
        }
        VipsCall.invoke(() -> {
            natives.cacheSetMax.invokeExact(0);
            return null;
        });
        MemorySegment version = VipsCall.invoke(() -> (MemorySegment) natives.versionString.invokeExact());
        return new Vips(natives, version.reinterpret(Long.MAX_VALUE).getString(0));
    }

    public String version() {
        return version;
    }

    /** How many threads libvips uses per image (0: as many as cores). */
    public void concurrency(int threads) {
        VipsCall.invoke(() -> {
            natives.concurrencySet.invokeExact(threads);
            return null;
        });
    }

    public VipsBlob blob(byte[] bytes) {
        return new VipsBlob(this, bytes);
    }

    /** Opens an encoded image; only its header is read until pixels are asked for. */
    public VipsImage open(VipsBlob encoded, String loaderOptions) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = blobData(encoded, arena);
            long length = data.byteSize();
            MemorySegment options = arena.allocateFrom(loaderOptions);
            MemorySegment image = VipsCall.invoke(() ->
                    (MemorySegment) natives.imageNewFromBuffer.invokeExact(data, length, options, MemorySegment.NULL));
            if (image.equals(MemorySegment.NULL)) {
                throw error("cannot read image");
            }
            return new VipsImage(this, image);
        }
    }

    private MemorySegment blobData(VipsBlob blob, Arena arena) {
        MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);
        MemorySegment data = VipsCall.invoke(() -> (MemorySegment) natives.blobGet.invokeExact(blob.pointer(), length));
        return data.reinterpret(length.get(ValueLayout.JAVA_LONG, 0));
    }

    /**
     * Decodes, auto-rotates and shrinks an encoded image in one pass (shrink-on-load where the format allows).
     *
     * @param options   thumbnail options, comma-separated, e.g. {@code "height=1080,size=down"}
     * @param strings   string arguments as name/value pairs, e.g. {@code "option_string", "[fail_on=truncated]"}
     */
    public VipsImage thumbnail(VipsBlob encoded, int width, String options, String... strings) {
        try (VipsCall call = new VipsCall(this, "thumbnail_buffer")) {
            call.blob("buffer", encoded)
                    .options(options.isBlank() ? "width=" + width : "width=" + width + "," + options);
            for (int i = 0; i + 1 < strings.length; i += 2) {
                call.string(strings[i], strings[i + 1]);
            }
            return call.build().outputImage("out");
        }
    }

    /** Any operation with one image in ("in") and one image out ("out"), e.g. colourspace, thumbnail_image. */
    public VipsImage apply(String operation, VipsImage in, String options) {
        try (VipsCall call = new VipsCall(this, operation)) {
            call.image("in", in);
            if (!options.isBlank()) {
                call.options(options);
            }
            return call.build().outputImage("out");
        }
    }

    /** Encodes with a buffer saver such as webpsave_buffer or heifsave_buffer. */
    public byte[] save(String saver, VipsImage in, String options) {
        try (VipsCall call = new VipsCall(this, saver)) {
            call.image("in", in).options(options);
            return call.build().outputBytes("buffer");
        }
    }

    /** Frees libvips' per-thread buffers; call when a thread that used libvips is done. */
    public void threadDone() {
        VipsCall.invoke(() -> {
            natives.threadShutdown.invokeExact();
            return null;
        });
    }

    NativeVips natives() {
        return natives;
    }

    /** The error libvips recorded (and clears it for the next caller). */
    VipsException error(String context) {
        MemorySegment buffer = VipsCall.invoke(() -> (MemorySegment) natives.errorBuffer.invokeExact());
        String message = buffer.reinterpret(Long.MAX_VALUE).getString(0).strip();
        VipsCall.invoke(() -> {
            natives.errorClear.invokeExact();
            return null;
        });
        return new VipsException(context + (message.isEmpty() ? "" : ": " + message));
    }
}
