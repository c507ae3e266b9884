package dev.vitrine.api.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.HexFormat;

/**
 * What a photo looks like, in 64 bits, so that the same picture resized, recompressed, slightly cropped or
 * re-encoded in another format can be found without comparing pixels: a DCT hash (pHash) of its upright,
 * colour-managed pixels, transparent parts laid on the BlurHash background. The photo is shrunk to 32×32 grey
 * pixels, and each bit says whether one of the 8×8 lowest frequencies of its cosine transform is above their median.
 *
 * <p>pHash rather than the simpler dHash (9×8 grey pixels, each bit "brighter than its right neighbour"), because
 * on the shared fixture photos dHash cannot tell copies from other photos and pHash can (NearDuplicateFixturesTest
 * prints the table): with dHash, copies are up to 10 bits from their original and two distinct photos only 9 apart
 * (its bits compare neighbours, so wherever a row is flat, as in a sky, a striped flag or a white background, they
 * are zeros or noise); with pHash, copies are at most 10 bits away and distinct photos at least 22. Low
 * frequencies describe the layout of light and dark, which resizing, JPEG and a small crop keep; a mirrored or
 * rotated copy is another fingerprint, and is meant to be. Which distance counts as "the same photo" is
 * {@link NearDuplicates}'s rule.
 */
@Schema(
        description = "64-bit perceptual hash (pHash) of the photo, as 16 lower-case hex digits",
        type = "string",
        pattern = "^[0-9a-f]{16}$",
        example = "cc7e7a1954c407e3")
public record Fingerprint(long bits) {

    private static final HexFormat HEX = HexFormat.of();

    /** How many of the 64 bits differ: 0 for the same look, around 32 for unrelated photos. */
    public int distanceTo(Fingerprint other) {
        return Long.bitCount(bits ^ other.bits);
    }

    /** Fixed width, lower case: one text per fingerprint, so that it can be compared and indexed as text. */
    @JsonValue
    public String hex() {
        return HEX.toHexDigits(bits);
    }

    /** Reads {@link #hex()}; refuses anything else, so that a mistyped fingerprint is not a silent different one. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Fingerprint ofHex(String hex) {
        if (hex == null || hex.length() != 16) {
            throw new IllegalArgumentException("a fingerprint is 16 hex digits, not " + quoted(hex));
        }
        for (int i = 0; i < hex.length(); i++) {
            // only ASCII: Character.digit would also take full-width and other Unicode digits
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                throw new IllegalArgumentException("a fingerprint is 16 hex digits, not " + quoted(hex));
            }
        }
        return new Fingerprint(HexFormat.fromHexDigitsToLong(hex));
    }

    private static String quoted(String hex) {
        return hex == null ? "null" : "\"" + hex + "\"";
    }
}
