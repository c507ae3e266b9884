package dev.vitrine.processing.imaging.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/** A reference to a libvips image. Pixels are computed lazily, when something saves or copies the image. */
public final class VipsImage implements AutoCloseable {

    /** VipsInterpretation values Vitrine cares about. */
    public static final int B_W = 1;

    public static final int CMYK = 15;
    public static final int SRGB = 22;
    public static final int RGB16 = 25;
    public static final int GREY16 = 26;

    private final Vips vips;
    private final MemorySegment image;
    private boolean closed;

    VipsImage(Vips vips, MemorySegment image) {
        this.vips = vips;
        this.image = image;
    }

    MemorySegment pointer() {
        return image;
    }

    public int width() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetWidth.invokeExact(image));
    }

    public int height() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetHeight.invokeExact(image));
    }

    public int bands() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetBands.invokeExact(image));
    }

    /** The VipsBandFormat: 0 for 8-bit unsigned, 2 for 16-bit unsigned, … */
    public int bandFormat() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetFormat.invokeExact(image));
    }

    public int interpretation() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetInterpretation.invokeExact(image));
    }

    public int pages() {
        return VipsCall.invoke(() -> (int) vips.natives().imageGetNPages.invokeExact(image));
    }

    public boolean hasAlpha() {
        return VipsCall.invoke(() -> (int) vips.natives().imageHasAlpha.invokeExact(image)) != 0;
    }

    public boolean hasField(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment field = arena.allocateFrom(name);
            return VipsCall.invoke(() -> (long) vips.natives().imageGetTypeof.invokeExact(image, field)) != 0;
        }
    }

    /** An integer metadata field such as "orientation", or the fallback when the image has none. */
    public int intField(String name, int fallback) {
        if (!hasField(name)) {
            return fallback;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment field = arena.allocateFrom(name);
            MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
            int failed = VipsCall.invoke(() -> (int) vips.natives().imageGetInt.invokeExact(image, field, value));
            return failed == 0 ? value.get(ValueLayout.JAVA_INT, 0) : fallback;
        }
    }

    /** The names of every metadata field (EXIF, XMP, IPTC, ICC profile, orientation, …). */
    public List<String> fieldNames() {
        NativeVips c = vips.natives();
        MemorySegment fields = VipsCall.invoke(() -> (MemorySegment) c.imageGetFields.invokeExact(image));
        List<String> names = new ArrayList<>();
        MemorySegment array = fields.reinterpret(Long.MAX_VALUE);
        for (long offset = 0; ; offset += ADDRESS.byteSize()) {
            MemorySegment name = array.get(ADDRESS, offset);
            if (name.equals(MemorySegment.NULL)) {
                break;
            }
            names.add(name.reinterpret(Long.MAX_VALUE).getString(0));
        }
        VipsCall.invoke(() -> {
            c.gStrfreev.invokeExact(fields);
            return null;
        });
        return names;
    }

    /** Removes a metadata field; only for an image this code made and nobody else shares (see copyMemory). */
    public void removeField(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment field = arena.allocateFrom(name);
            VipsCall.invoke(() -> (int) vips.natives().imageRemove.invokeExact(image, field));
        }
    }

    /** Computes the pixels once into memory: later operations read them instead of redoing the pipeline. */
    public VipsImage copyMemory() {
        MemorySegment copy = VipsCall.invoke(
                () -> (MemorySegment) vips.natives().imageCopyMemory.invokeExact(image));
        if (copy.equals(MemorySegment.NULL)) {
            throw vips.error("copy_memory");
        }
        return new VipsImage(vips, copy);
    }

    /** The raw pixels, band-interleaved, row after row. */
    public byte[] pixels() {
        NativeVips c = vips.natives();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment data = VipsCall.invoke(() -> (MemorySegment) c.imageWriteToMemory.invokeExact(image, size));
            if (data.equals(MemorySegment.NULL)) {
                throw vips.error("write_to_memory");
            }
            try {
                return data.reinterpret(size.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            } finally {
                VipsCall.invoke(() -> {
                    c.gFree.invokeExact(data);
                    return null;
                });
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            VipsCall.invoke(() -> {
                vips.natives().gObjectUnref.invokeExact(image);
                return null;
            });
        }
    }
}
