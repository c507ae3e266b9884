package dev.vitrine.processing.imaging;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.vitrine.api.image.Capture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how a photo was taken from its original's EXIF (parsed by metadata-extractor; JPEG, PNG, WebP, HEIC and
 * AVIF), before the variants are made without it. The file is the uploader's and may say anything: every
 * value is checked for sense (a date that is no date, an aperture of zero, a position off the globe are left out)
 * and text is cut short and rid of control characters. What cannot be read is simply not known; it never fails the
 * image.
 */
public final class CaptureReader {

    private static final Logger log = LoggerFactory.getLogger(CaptureReader.class);
    /** Longer make, model or lens names are no names: cut there. */
    static final int TEXT_MAX = 100;

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\uFFFD]");

    private CaptureReader() {}

    /** What the file says; null when it says nothing (or nothing readable). */
    public static Capture read(byte[] original) {
        Metadata metadata;
        try {
            metadata = exif(original);
        } catch (Exception | StackOverflowError unreadable) {
            log.debug("No capture metadata could be read", unreadable);
            return null;
        }
        if (metadata == null) {
            return null;
        }
        Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Directory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        LocalDateTime takenAt = date(string(exif, ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
        Capture capture = new Capture(
                takenAt,
                takenAt == null ? null : offset(string(exif, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL)),
                text(string(ifd0, ExifDirectoryBase.TAG_MAKE)),
                text(string(ifd0, ExifDirectoryBase.TAG_MODEL)),
                text(string(exif, ExifDirectoryBase.TAG_LENS_MODEL)),
                positive(rational(exif, ExifDirectoryBase.TAG_FOCAL_LENGTH), 10_000),
                positive(rational(exif, ExifDirectoryBase.TAG_FNUMBER), 1_000),
                positive(rational(exif, ExifDirectoryBase.TAG_EXPOSURE_TIME), 100_000),
                iso(exif),
                orientation(ifd0),
                location(gps));
        return capture.saysNothing() ? null : capture;
    }

    /**
     * Only the EXIF, found without metadata-extractor's readers of whole files: those also inflate every compressed
     * text chunk of a PNG (a zlib bomb there asked for a 2 GB array) and allocate what container boxes declare. The
     * EXIF block itself is parsed by {@link ExifReader} over the bytes in hand, which checks every offset against them.
     */
    private static Metadata exif(byte[] original) throws Exception {
        SourceFormat format = SourceFormat.sniff(original).orElse(null);
        if (format == null) {
            return null;
        }
        return switch (format) {
            // APP1 segments are at most 64 KB, whatever the file says
            case JPEG -> JpegMetadataReader.readMetadata(new ByteArrayInputStream(original), List.of(new ExifReader()));
            case PNG -> tiff(chunk(original, 8, "eXIf", false));
            case WEBP -> tiff(chunk(original, 12, "EXIF", true));
            // not metadata-extractor's HEIF reader: it spun for two minutes on a hostile AVIF of the test set
            // (AVIF_SPINNING_LOCATIONS); the Exif item is found by IsoBmff, which bounds every walk by the bytes
            case HEIC, AVIF -> tiff(IsoBmff.exif(original));
            case GIF -> null;
        };
    }

    /**
     * The data of the first chunk of that type, walking length-prefixed chunks from {@code offset}: PNG's (4-byte
     * big-endian length, type, data, CRC) or RIFF's (type, 4-byte little-endian length, data padded to even).
     */
    static byte[] chunk(byte[] file, int offset, String type, boolean riff) {
        int at = offset;
        while (at + 8 <= file.length) {
            String name = new String(file, riff ? at : at + 4, 4, StandardCharsets.ISO_8859_1);
            int lengthAt = riff ? at + 4 : at;
            long length = riff
                    ? (file[lengthAt] & 0xFFL)
                            | (file[lengthAt + 1] & 0xFFL) << 8
                            | (file[lengthAt + 2] & 0xFFL) << 16
                            | (file[lengthAt + 3] & 0xFFL) << 24
                    : (file[lengthAt] & 0xFFL) << 24
                            | (file[lengthAt + 1] & 0xFFL) << 16
                            | (file[lengthAt + 2] & 0xFFL) << 8
                            | (file[lengthAt + 3] & 0xFFL);
            long dataEnd = at + 8L + length;
            if (dataEnd > file.length) {
                return null; // runs past the end: no EXIF of it is believed
            }
            if (name.equals(type)) {
                return Arrays.copyOfRange(file, at + 8, (int) dataEnd);
            }
            at = (int) (riff ? dataEnd + (length & 1) : dataEnd + 4);
        }
        return null;
    }

    /** A TIFF-structured EXIF block (some writers put JPEG's "Exif\0\0" before it). */
    private static Metadata tiff(byte[] exif) {
        if (exif == null) {
            return null;
        }
        int start = exif.length >= 6 && ExifReader.startsWithJpegExifPreamble(exif) ? 6 : 0;
        Metadata metadata = new Metadata();
        new ExifReader().extract(new ByteArrayReader(exif), metadata, start);
        return metadata;
    }

    private static String string(Directory directory, int tag) {
        return directory == null ? null : directory.getString(tag);
    }

    private static Double rational(Directory directory, int tag) {
        if (directory == null) {
            return null;
        }
        try {
            Rational value = directory.getRational(tag);
            return value == null || value.getDenominator() == 0 ? null : value.doubleValue();
        } catch (RuntimeException notARational) {
            return null;
        }
    }

    static LocalDateTime date(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime date = LocalDateTime.parse(text.trim(), EXIF_DATE);
            return date.getYear() < 1826 ? null : date; // cameras without a set clock write 0000:00:00 or worse
        } catch (DateTimeParseException noDate) {
            return null;
        }
    }

    static ZoneOffset offset(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZoneOffset.of(text.trim());
        } catch (DateTimeException noOffset) {
            return null;
        }
    }

    static String text(String value) {
        if (value == null) {
            return null;
        }
        String clean = CONTROL.matcher(value).replaceAll("").strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() <= TEXT_MAX ? clean : clean.substring(0, TEXT_MAX);
    }

    private static Double positive(Double value, double max) {
        return value == null || !Double.isFinite(value) || value <= 0 || value > max ? null : value;
    }

    private static Integer iso(Directory exif) {
        Integer iso = exif == null ? null : safeInteger(exif, ExifDirectoryBase.TAG_ISO_EQUIVALENT);
        return iso == null || iso <= 0 || iso > 10_000_000 ? null : iso;
    }

    private static Integer orientation(Directory ifd0) {
        Integer orientation = ifd0 == null ? null : safeInteger(ifd0, ExifDirectoryBase.TAG_ORIENTATION);
        return orientation == null || orientation < 1 || orientation > 8 ? null : orientation;
    }

    private static Integer safeInteger(Directory directory, int tag) {
        try {
            return directory.getInteger(tag);
        } catch (RuntimeException notAnInteger) {
            return null;
        }
    }

    /** Null island (0, 0) is what receivers without a fix write: no position. */
    static Capture.Location location(GpsDirectory gps) {
        if (gps == null) {
            return null;
        }
        GeoLocation where;
        try {
            where = gps.getGeoLocation();
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (where == null
                || where.isZero()
                || !Double.isFinite(where.getLatitude())
                || !Double.isFinite(where.getLongitude())
                || Math.abs(where.getLatitude()) > 90
                || Math.abs(where.getLongitude()) > 180) {
            return null;
        }
        Double altitude = rational(gps, GpsDirectory.TAG_ALTITUDE);
        if (altitude != null && Double.isFinite(altitude) && Math.abs(altitude) < 100_000) {
            Integer below = safeInteger(gps, GpsDirectory.TAG_ALTITUDE_REF);
            altitude = below != null && below == 1 ? -altitude : altitude;
        } else {
            altitude = null;
        }
        return new Capture.Location(where.getLatitude(), where.getLongitude(), altitude);
    }
}
