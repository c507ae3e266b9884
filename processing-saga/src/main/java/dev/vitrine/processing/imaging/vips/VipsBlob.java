package dev.vitrine.processing.imaging.vips;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Bytes handed to libvips (an encoded file): libvips owns its copy, so nothing on the Java side must outlive it. */
public final class VipsBlob implements AutoCloseable {

    private final Vips vips;
    private final MemorySegment blob;

    VipsBlob(Vips vips, byte[] bytes) {
        this.vips = vips;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(bytes.length == 0 ? 1 : bytes.length);
            MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, bytes.length);
            NativeVips c = vips.natives();
            this.blob = VipsCall.invoke(() -> (MemorySegment) c.blobCopy.invokeExact(data, (long) bytes.length));
        }
    }

    MemorySegment pointer() {
        return blob;
    }

    @Override
    public void close() {
        NativeVips c = vips.natives();
        VipsCall.invoke(() -> {
            c.areaUnref.invokeExact(blob);
            return null;
        });
    }
}
