package dev.vitrine.processing.imaging.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One libvips operation, called the generic way: create it by name, set its arguments, build it, read its
 * outputs. Closing it drops the operation and its own references to its outputs (read outputs hold their own).
 */
final class VipsCall implements AutoCloseable {

    private final Vips vips;
    private final NativeVips c;
    private final Arena arena = Arena.ofConfined();
    private final String name;
    private MemorySegment operation;

    VipsCall(Vips vips, String name) {
        this.vips = vips;
        this.c = vips.natives();
        this.name = name;
        this.operation = invoke(() -> (MemorySegment) c.operationNew.invokeExact(arena.allocateFrom(name)));
        if (operation.equals(MemorySegment.NULL)) {
            throw vips.error("no libvips operation " + name);
        }
    }

    VipsCall image(String argument, VipsImage image) {
        return pointer(argument, image.pointer());
    }

    VipsCall blob(String argument, VipsBlob blob) {
        return pointer(argument, blob.pointer());
    }

    VipsCall string(String argument, String value) {
        return pointer(argument, arena.allocateFrom(value));
    }

    /** Numbers, booleans and enums, as libvips parses them from text: {@code "width=300,crop=centre"}. */
    VipsCall options(String options) {
        int failed = invoke(() -> (int) c.objectSetFromString.invokeExact(operation, arena.allocateFrom(options)));
        if (failed != 0) {
            throw vips.error(name + ": bad options '" + options + "'");
        }
        return this;
    }

    VipsCall build() {
        MemorySegment slot = arena.allocate(ADDRESS);
        slot.set(ADDRESS, 0, operation);
        int failed = invoke(() -> (int) c.cacheOperationBuildp.invokeExact(slot));
        operation = slot.get(ADDRESS, 0);
        if (failed != 0) {
            throw vips.error(name);
        }
        return this;
    }

    VipsImage outputImage(String argument) {
        return new VipsImage(vips, output(argument));
    }

    /** Copies a blob output (a saver's encoded file) into the Java heap. */
    byte[] outputBytes(String argument) {
        MemorySegment blob = output(argument);
        try {
            MemorySegment length = arena.allocate(ValueLayout.JAVA_LONG);
            MemorySegment data = invoke(() -> (MemorySegment) c.blobGet.invokeExact(blob, length));
            long size = length.get(ValueLayout.JAVA_LONG, 0);
            return data.reinterpret(size).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            invoke(() -> {
                c.areaUnref.invokeExact(blob);
                return null;
            });
        }
    }

    private MemorySegment output(String argument) {
        MemorySegment slot = arena.allocate(ADDRESS);
        invoke(() -> {
            c.gObjectGetPointer.invokeExact(operation, arena.allocateFrom(argument), slot, MemorySegment.NULL);
            return null;
        });
        MemorySegment value = slot.get(ADDRESS, 0);
        if (value.equals(MemorySegment.NULL)) {
            throw new VipsException(name + " has no output " + argument);
        }
        return value;
    }

    private VipsCall pointer(String argument, MemorySegment value) {
        invoke(() -> {
            c.gObjectSetPointer.invokeExact(operation, arena.allocateFrom(argument), value, MemorySegment.NULL);
            return null;
        });
        return this;
    }

    @Override
    public void close() {
        invoke(() -> {
            c.objectUnrefOutputs.invokeExact(operation);
            c.gObjectUnref.invokeExact(operation);
            return null;
        });
        arena.close();
    }

    interface NativeCall<T> {
        T call() throws Throwable;
    }

    static <T> T invoke(NativeCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new VipsException("native call failed", e);
        }
    }
}
