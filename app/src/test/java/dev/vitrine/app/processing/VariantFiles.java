package dev.vitrine.app.processing;

import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.processing.imaging.vips.Vips;
import dev.vitrine.processing.imaging.vips.VipsBlob;
import dev.vitrine.processing.imaging.vips.VipsImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** A variant as a browser gets it: fetched from its URL, its format and size read from its own bytes. */
record VariantFiles(String format, int width, int height, String cacheControl) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Variant URLs are absolute; a path (as a test may build one) is the app's, on {@code port}. */
    static VariantFiles fetch(ImageVariant variant, int port) throws Exception {
        URI url = URI.create("http://localhost:" + port + "/").resolve(variant.url());
        HttpResponse<byte[]> response =
                HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        byte[] bytes = response.body();
        String head = new String(bytes, 0, 12, StandardCharsets.ISO_8859_1);
        String cache = response.headers().firstValue("Cache-Control").orElse("");
        if (head.startsWith("RIFF") && head.endsWith("WEBP")) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return new VariantFiles("webp", image.getWidth(), image.getHeight(), cache);
        }
        if (head.substring(4, 12).equals("ftypavif")) {
            Vips vips = Vips.load();
            try (VipsBlob blob = vips.blob(bytes);
                    VipsImage image = vips.open(blob, "")) {
                return new VariantFiles("avif", image.width(), image.height(), cache);
            }
        }
        return new VariantFiles("unknown: " + head, 0, 0, cache);
    }
}
