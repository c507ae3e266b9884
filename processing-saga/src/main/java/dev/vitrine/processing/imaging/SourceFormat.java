package dev.vitrine.processing.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The formats Vitrine accepts, recognised from their first bytes, never from what a client declared. */
public enum SourceFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    GIF("image/gif"),
    WEBP("image/webp"),
    HEIC("image/heic"),
    AVIF("image/avif");

    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> HEIC_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");

    private final String contentType;

    SourceFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<SourceFormat> sniff(byte[] bytes) {
        if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(bytes, 0, 6).equals("GIF87a") || ascii(bytes, 0, 6).equals("GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(bytes, 4, 4).equals("ftyp")) {
            return heifFamily(bytes);
        }
        return Optional.empty();
    }

    /** The major brand decides; a generic "mif1" file is AVIF when it lists an AVIF brand as compatible. */
    private static Optional<SourceFormat> heifFamily(byte[] bytes) {
        String major = ascii(bytes, 8, 4);
        if (AVIF_BRANDS.contains(major)) {
            return Optional.of(AVIF);
        }
        int boxSize = (int) Math.min(bytes.length, IsoBmff.uint32(bytes, 0));
        for (int offset = 16; offset + 4 <= boxSize; offset += 4) {
            if (AVIF_BRANDS.contains(ascii(bytes, offset, 4))) {
                return Optional.of(AVIF);
            }
        }
        return HEIC_BRANDS.contains(major) ? Optional.of(HEIC) : Optional.empty();
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        if (bytes.length < offset + length) {
            return "";
        }
        return new String(Arrays.copyOfRange(bytes, offset, offset + length), StandardCharsets.ISO_8859_1);
    }
}
