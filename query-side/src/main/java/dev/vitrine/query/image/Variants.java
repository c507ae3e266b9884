package dev.vitrine.query.image;

import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.query.projection.GalleryRow;
import dev.vitrine.query.projection.ImageRow;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The variants an image shows, with the URLs a browser fetches them from, largest first, WebP before AVIF. */
@Component
public class Variants {

    static final Comparator<ImageVariant> ORDER =
            Comparator.comparing(ImageVariant::size).reversed().thenComparing(ImageVariant::format);

    private final VariantLinks links;

    Variants(VariantLinks links) {
        this.links = links;
    }

    /** @param origin what the answer's URLs start with */
    public List<ImageVariant> of(ImageRow image, GalleryRow gallery, String origin) {
        return image.variants().stream()
                .map(v -> new ImageVariant(
                        v.size(),
                        v.width(),
                        v.height(),
                        links.url(v.objectKey(), gallery.visibility(), origin),
                        v.format(),
                        v.bytes()))
                .sorted(ORDER)
                .toList();
    }

    /**
     * The variants as a share link serves them: {@code mediaBase}/{imageId}/{generation}/{file}, the object's key
     * without its gallery (the link names the gallery).
     */
    List<ImageVariant> under(String mediaBase, ImageRow image) {
        return image.variants().stream()
                .map(v -> new ImageVariant(
                        v.size(),
                        v.width(),
                        v.height(),
                        mediaBase + "/" + v.objectKey().substring(v.objectKey().indexOf('/') + 1),
                        v.format(),
                        v.bytes()))
                .sorted(ORDER)
                .toList();
    }
}
