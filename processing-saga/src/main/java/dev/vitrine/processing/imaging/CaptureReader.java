package dev.vitrine.processing.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.vitrine.api.image.Capture;
import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how a photo was taken from its original's EXIF (metadata-extractor: JPEG, PNG, WebP, HEIC and AVIF alike),
 * before the variants are made without it. The file is the uploader's and may say anything: every value is checked
 * for sense (a date that is no date, an aperture of zero, a position off the globe are left out) and text is cut
 * short and rid of control characters. What cannot be read is simply not known; it never fails the image.
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
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original), original.length);
        } catch (Exception | StackOverflowError unreadable) {
            log.debug("No capture metadata could be read", unreadable);
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
