package dev.vitrine.processing.imaging;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** 8-bit RGBA pixels, decoded by Java (never by the code under test), and how alike two of them are. */
record Raster(int width, int height, int[] argb) {

    static Raster of(BufferedImage image) {
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return new Raster(
                image.getWidth(),
                image.getHeight(),
                argb.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    }

    static Raster ofRgb(byte[] data, int width, int height, int bands) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            int p = i * bands;
            int r = data[p] & 0xFF;
            int g = bands >= 3 ? data[p + 1] & 0xFF : r;
            int b = bands >= 3 ? data[p + 2] & 0xFF : r;
            int a = bands == 4 ? data[p + 3] & 0xFF : bands == 2 ? data[p + 1] & 0xFF : 255;
            argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
        }
        return new Raster(width, height, argb);
    }

    BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** Resampled to another size with Java2D's bicubic filter, in steps of at most half for large reductions. */
    Raster resizedTo(int targetWidth, int targetHeight) {
        BufferedImage current = image();
        int w = width;
        int h = height;
        while (w != targetWidth || h != targetHeight) {
            w = Math.max(targetWidth, w / 2 >= targetWidth ? w / 2 : targetWidth);
            h = Math.max(targetHeight, h / 2 >= targetHeight ? h / 2 : targetHeight);
            BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        }
        return Raster.of(current);
    }

    Raster rotatedClockwise() {
        int[] rotated = new int[argb.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rotated[x * height + (height - 1 - y)] = argb[y * width + x];
            }
        }
        return new Raster(height, width, rotated);
    }

    Raster mirrored() {
        int[] mirrored = new int[argb.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mirrored[y * width + (width - 1 - x)] = argb[y * width + x];
            }
        }
        return new Raster(width, height, mirrored);
    }

    /** All eight ways an image can be turned and mirrored (the EXIF orientations), this one first. */
    List<Raster> orientations() {
        List<Raster> all = new ArrayList<>();
        Raster turned = this;
        for (int quarter = 0; quarter < 4; quarter++) {
            all.add(turned);
            all.add(turned.mirrored());
            turned = turned.rotatedClockwise();
        }
        return all;
    }

    /** The same pixels laid over an opaque background, so that colour under transparency does not count. */
    Raster over(Color background) {
        BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.drawImage(image(), 0, 0, null);
        g.dispose();
        return Raster.of(flat);
    }

    boolean hasTransparency() {
        for (int pixel : argb) {
            if ((pixel >>> 24) < 255) {
                return true;
            }
        }
        return false;
    }

    /** Peak signal-to-noise ratio over R, G, B and A, in dB (infinite when identical). */
    double psnr(Raster other) {
        if (other.width != width || other.height != height) {
            throw new AssertionError(
                    "sizes differ: " + width + "x" + height + " vs " + other.width + "x" + other.height);
        }
        double squared = 0;
        for (int i = 0; i < argb.length; i++) {
            for (int shift = 0; shift <= 24; shift += 8) {
                int d = ((argb[i] >>> shift) & 0xFF) - ((other.argb[i] >>> shift) & 0xFF);
                squared += d * d;
            }
        }
        double mse = squared / (argb.length * 4.0);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
