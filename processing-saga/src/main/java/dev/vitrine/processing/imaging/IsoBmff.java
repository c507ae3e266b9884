package dev.vitrine.processing.imaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Just enough ISO base media file reading to learn, before decoding, how large a HEIC or AVIF image is and how many
 * tiles its grids have (no Java ImageIO reader exists for these formats), and to find its EXIF item. The size is the largest any part of the
 * file says: every 'ispe' property, and the output size in the data of every grid and overlay item. A grid's
 * 'ispe' may lie (say 64×64 while its grid data says 16,000×16,000): libheif then allocates and decodes the grid's
 * own size (a 499-byte file took 850 MB), so the grid data must be read too.
 */
final class IsoBmff {

    private static final Set<String> DERIVED = Set.of("grid", "iovl");

    /** How large the file's largest image is, and how many tiles its largest grid has. */
    record Layout(Optional<ImageHeader> largest, int largestGrid) {}

    private record Box(String type, int payload, int end) {}

    /** Where an item's first extent lies in the file. */
    private record Extent(int start, long length) {}

    /** More EXIF than this is no camera's: its item is not read. */
    static final int EXIF_MAX = 1 << 20;

    private IsoBmff() {}

    static Optional<ImageHeader> imageSize(byte[] bytes) {
        return layout(bytes).largest();
    }

    static Layout layout(byte[] bytes) {
        Optional<Box> meta = child(bytes, 0, bytes.length, "meta");
        if (meta.isEmpty()) {
            return new Layout(Optional.empty(), 0);
        }
        // 'meta' is a full box: four bytes of version and flags before its children
        List<Box> children =
                children(bytes, meta.get().payload() + 4, meta.get().end());
        List<ImageHeader> sizes = new ArrayList<>();
        find(children, "iprp")
                .flatMap(iprp -> child(bytes, iprp.payload(), iprp.end(), "ipco"))
                .ifPresent(ipco -> children(bytes, ipco.payload(), ipco.end()).stream()
                        .filter(box -> box.type().equals("ispe") && box.payload() + 12 <= box.end())
                        .forEach(ispe -> sizes.add(
                                header(uint32(bytes, ispe.payload() + 4), uint32(bytes, ispe.payload() + 8)))));
        Map<Long, String> derived =
                find(children, "iinf").map(iinf -> derivedItems(bytes, iinf)).orElse(Map.of());
        if (!derived.isEmpty()) {
            int idat = find(children, "idat").map(Box::payload).orElse(-1);
            find(children, "iloc")
                    .map(iloc -> locations(bytes, iloc, derived.keySet(), idat))
                    .orElse(Map.of())
                    .forEach((id, location) ->
                            canvasSize(bytes, location.start(), derived.get(id)).ifPresent(sizes::add));
        }
        Optional<ImageHeader> largest = sizes.stream().reduce((a, b) -> b.pixels() > a.pixels() ? b : a);
        int tiles = find(children, "iref").map(iref -> largestDimg(bytes, iref)).orElse(0);
        return new Layout(largest, tiles);
    }

    /**
     * The data of the file's 'Exif' item (HEIF's place for EXIF): a 4-byte offset, then the TIFF-structured block
     * that many bytes further (often after JPEG's "Exif\0\0"). Null when there is none, or it does not lie within
     * the file as its boxes say.
     */
    static byte[] exif(byte[] bytes) {
        Optional<Box> meta = child(bytes, 0, bytes.length, "meta");
        if (meta.isEmpty()) {
            return null;
        }
        List<Box> children =
                children(bytes, meta.get().payload() + 4, meta.get().end());
        Map<Long, String> exif = find(children, "iinf")
                .map(iinf -> items(bytes, iinf, Set.of("Exif")))
                .orElse(Map.of());
        if (exif.isEmpty()) {
            return null;
        }
        int idat = find(children, "idat").map(Box::payload).orElse(-1);
        Extent extent = find(children, "iloc")
                .map(iloc -> locations(bytes, iloc, exif.keySet(), idat))
                .orElse(Map.of())
                .values()
                .stream()
                .findFirst()
                .orElse(null);
        if (extent == null
                || extent.length() < 8
                || extent.length() > EXIF_MAX
                || extent.start() + extent.length() > bytes.length) {
            return null;
        }
        long skip = uint32(bytes, extent.start());
        if (skip > extent.length() - 8) {
            return null;
        }
        int from = extent.start() + 4 + (int) skip;
        return Arrays.copyOfRange(bytes, from, (int) (extent.start() + extent.length()));
    }

    /**
     * The items whose data says the size of a canvas that the decoder allocates, by id: grids and overlays ('iovl'),
     * from 'infe' versions 2 and 3 (older versions have no item type).
     */
    private static Map<Long, String> derivedItems(byte[] bytes, Box iinf) {
        return items(bytes, iinf, DERIVED);
    }

    /** The items of these types, by id. */
    private static Map<Long, String> items(byte[] bytes, Box iinf, Set<String> types) {
        int version = version(bytes, iinf);
        int entries = iinf.payload() + 4 + (version == 0 ? 2 : 4);
        Map<Long, String> derived = new HashMap<>();
        for (Box infe : children(bytes, entries, iinf.end())) {
            int p = infe.payload();
            int infeVersion = version(bytes, infe);
            if (!infe.type().equals("infe") || infeVersion < 2) {
                continue;
            }
            int idSize = infeVersion == 2 ? 2 : 4;
            int type = p + 4 + idSize + 2;
            if (type + 4 <= infe.end() && types.contains(ascii(bytes, type))) {
                derived.put(uint(bytes, p + 4, idSize), ascii(bytes, type));
            }
        }
        return derived;
    }

    /** Where the first extent of each wanted item lies in the file ('iloc' versions 0 to 2). */
    private static Map<Long, Extent> locations(byte[] bytes, Box iloc, Set<Long> wanted, int idat) {
        int version = version(bytes, iloc);
        int p = iloc.payload() + 4;
        if (version < 0 || p + 2 > iloc.end()) {
            return Map.of();
        }
        int offsetSize = (bytes[p] & 0xFF) >>> 4;
        int lengthSize = bytes[p] & 0x0F;
        int baseOffsetSize = (bytes[p + 1] & 0xFF) >>> 4;
        int indexSize = version == 1 || version == 2 ? bytes[p + 1] & 0x0F : 0;
        int idSize = version < 2 ? 2 : 4;
        long items = uint(bytes, p + 2, idSize);
        p += 2 + idSize;
        Map<Long, Extent> locations = new HashMap<>();
        for (long i = 0; i < items && p < iloc.end(); i++) {
            long id = uint(bytes, p, idSize);
            p += idSize;
            int method = 0;
            if (version == 1 || version == 2) {
                method = (int) (uint(bytes, p, 2) & 0x0F);
                p += 2;
            }
            p += 2; // data reference index
            long base = uint(bytes, p, baseOffsetSize);
            p += baseOffsetSize;
            long extents = uint(bytes, p, 2);
            p += 2;
            long start = (method == 1 ? idat : 0) + base + uint(bytes, p + indexSize, offsetSize);
            boolean usable = method == 0 || (method == 1 && idat >= 0);
            if (extents > 0 && usable && wanted.contains(id) && start >= 0 && start < bytes.length) {
                locations.put(id, new Extent((int) start, uint(bytes, p + indexSize + offsetSize, lengthSize)));
            }
            // the extents are skipped in one step: with zero-byte fields, a loop over 65,535 of them per item
            // would spin on a small file
            p = (int) Math.min(iloc.end(), p + extents * (indexSize + offsetSize + lengthSize));
        }
        return locations;
    }

    /**
     * The output size in a derived item's data. Both start with a version and flags (flags 1: 32-bit sizes); a grid
     * then has rows - 1 and columns - 1, an overlay four 16-bit fill values, before the width and height.
     */
    private static Optional<ImageHeader> canvasSize(byte[] bytes, int at, String type) {
        boolean wide = at + 2 <= bytes.length && (bytes[at + 1] & 1) != 0;
        int size = wide ? 4 : 2;
        int width = at + (type.equals("grid") ? 4 : 10);
        if (width + 2 * size > bytes.length) {
            return Optional.empty();
        }
        return Optional.of(header(uint(bytes, width, size), uint(bytes, width + size, size)));
    }

    /** The most tiles any item references as a derived image ('dimg': a grid's tiles). */
    private static int largestDimg(byte[] bytes, Box iref) {
        int idSize = version(bytes, iref) == 0 ? 2 : 4;
        int largest = 0;
        for (Box reference : children(bytes, iref.payload() + 4, iref.end())) {
            int count = reference.payload() + idSize;
            if (reference.type().equals("dimg") && count + 2 <= reference.end()) {
                largest = Math.max(largest, (int) uint(bytes, count, 2));
            }
        }
        return largest;
    }

    /** A full box's version, or -1 for a box too short to have one. */
    private static int version(byte[] bytes, Box box) {
        return box.end() > box.payload() ? bytes[box.payload()] & 0xFF : -1;
    }

    private static ImageHeader header(long width, long height) {
        // sizes past the int range are as refused as the largest int: the pixel limit is far below either
        return new ImageHeader((int) Math.min(width, Integer.MAX_VALUE), (int) Math.min(height, Integer.MAX_VALUE));
    }

    private static Optional<Box> find(List<Box> boxes, String type) {
        return boxes.stream().filter(box -> box.type().equals(type)).findFirst();
    }

    private static Optional<Box> child(byte[] bytes, int from, int to, String type) {
        return find(children(bytes, from, to), type);
    }

    /** The boxes between from and to, up to the first that does not fit. */
    private static List<Box> children(byte[] bytes, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int offset = from;
        while (offset + 8 <= to) {
            long size = uint32(bytes, offset);
            int header = 8;
            if (size == 1 && offset + 16 <= to) {
                size = uint(bytes, offset + 8, 8);
                header = 16;
            } else if (size == 0) {
                size = to - offset;
            }
            if (size < header || size > to - offset) {
                break;
            }
            boxes.add(new Box(ascii(bytes, offset + 4), offset + header, (int) (offset + size)));
            offset += (int) size;
        }
        return boxes;
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
    }

    static long uint32(byte[] bytes, int offset) {
        return uint(bytes, offset, 4);
    }

    /** A big-endian unsigned integer of 0 to 8 bytes; 0 past the end of the file. */
    private static long uint(byte[] bytes, int offset, int size) {
        if (offset < 0 || offset + size > bytes.length) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
