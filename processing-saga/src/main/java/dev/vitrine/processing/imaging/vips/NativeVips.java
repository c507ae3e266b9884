package dev.vitrine.processing.imaging.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libvips (and GLib) C functions Vitrine calls, bound once through the FFM API. Operations are called the
 * generic way libvips documents ({@code vips_operation_new}, set arguments, build, read outputs), so a handful of
 * handles covers every operation; only the two variadic GObject setters need a fixed call shape.
 */
final class NativeVips {

    private static final Linker LINKER = Linker.nativeLinker();

    final MethodHandle init;
    final MethodHandle versionString;
    final MethodHandle errorBuffer;
    final MethodHandle errorClear;
    final MethodHandle cacheSetMax;
    final MethodHandle concurrencySet;
    final MethodHandle operationNew;
    final MethodHandle objectSetFromString;
    final MethodHandle cacheOperationBuildp;
    final MethodHandle objectUnrefOutputs;
    final MethodHandle gObjectUnref;
    final MethodHandle gObjectSetPointer;
    final MethodHandle gObjectGetPointer;
    final MethodHandle gFree;
    final MethodHandle gStrfreev;
    final MethodHandle blobCopy;
    final MethodHandle blobGet;
    final MethodHandle areaUnref;
    final MethodHandle imageNewFromBuffer;
    final MethodHandle imageGetWidth;
    final MethodHandle imageGetHeight;
    final MethodHandle imageGetBands;
    final MethodHandle imageGetFormat;
    final MethodHandle imageGetInterpretation;
    final MethodHandle imageGetNPages;
    final MethodHandle imageHasAlpha;
    final MethodHandle imageGetTypeof;
    final MethodHandle imageGetInt;
    final MethodHandle imageGetFields;
    final MethodHandle imageRemove;
    final MethodHandle imageCopyMemory;
    final MethodHandle imageWriteToMemory;
    final MethodHandle threadShutdown;

    private final SymbolLookup symbols;

    NativeVips(String library) {
        symbols = SymbolLookup.libraryLookup(library, Arena.global());
        init = function("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        versionString = function("vips_version_string", FunctionDescriptor.of(ADDRESS));
        errorBuffer = function("vips_error_buffer", FunctionDescriptor.of(ADDRESS));
        errorClear = function("vips_error_clear", FunctionDescriptor.ofVoid());
        cacheSetMax = function("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT));
        concurrencySet = function("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT));
        operationNew = function("vips_operation_new", FunctionDescriptor.of(ADDRESS, ADDRESS));
        objectSetFromString =
                function("vips_object_set_from_string", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        cacheOperationBuildp = function("vips_cache_operation_buildp", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        objectUnrefOutputs = function("vips_object_unref_outputs", FunctionDescriptor.ofVoid(ADDRESS));
        gObjectUnref = function("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        // g_object_set(object, name, value, NULL) and g_object_get(object, name, &value, NULL): variadic after name
        gObjectSetPointer = variadic("g_object_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS), 2);
        gObjectGetPointer = variadic("g_object_get", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS), 2);
        gFree = function("g_free", FunctionDescriptor.ofVoid(ADDRESS));
        gStrfreev = function("g_strfreev", FunctionDescriptor.ofVoid(ADDRESS));
        blobCopy = function("vips_blob_copy", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG));
        blobGet = function("vips_blob_get", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        areaUnref = function("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS));
        // vips_image_new_from_buffer(buf, len, option_string, NULL)
        imageNewFromBuffer = variadic(
                "vips_image_new_from_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), 3);
        imageGetWidth = function("vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetHeight = function("vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetBands = function("vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetFormat = function("vips_image_get_format", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetInterpretation = function("vips_image_get_interpretation", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetNPages = function("vips_image_get_n_pages", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageHasAlpha = function("vips_image_hasalpha", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        imageGetTypeof = function("vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS));
        imageGetInt = function("vips_image_get_int", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        imageGetFields = function("vips_image_get_fields", FunctionDescriptor.of(ADDRESS, ADDRESS));
        imageRemove = function("vips_image_remove", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        imageCopyMemory = function("vips_image_copy_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        imageWriteToMemory = function("vips_image_write_to_memory", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        threadShutdown = function("vips_thread_shutdown", FunctionDescriptor.ofVoid());
    }

    private MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbols.findOrThrow(name), descriptor);
    }

    private MethodHandle variadic(String name, FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(
                symbols.findOrThrow(name), descriptor, Linker.Option.firstVariadicArg(firstVariadic));
    }
}
