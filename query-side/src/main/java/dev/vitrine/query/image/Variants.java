package dev.vitrine.query.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitrine.api.image.query.ImageVariant;
import dev.vitrine.query.gallery.GalleryRow;
import dev.vitrine.query.projection.StoredVariant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The variants an image shows, with the URLs a browser fetches them from, largest first, WebP before AVIF. */
@Component
class Variants {

    private static final TypeReference<List<StoredVariant>> LIST = new TypeReference<>() {};
    private static final Comparator<ImageVariant> ORDER =
            Comparator.comparing(ImageVariant::size).reversed().thenComparing(ImageVariant::format);

    private final ObjectMapper json;
    private final VariantLinks links;

    Variants(ObjectMapper json, VariantLinks links) {
        this.json = json;
        this.links = links;
    }

    List<ImageVariant> of(ImageRow image, GalleryRow gallery) {
        try {
            return json.readValue(image.variantsJson(), LIST).stream()
                    .map(v -> new ImageVariant(
                            v.size(), v.width(), v.height(), links.url(v.objectKey(), gallery), v.format(), v.bytes()))
                    .sorted(ORDER)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("image_view.variants of " + image.id() + " is not a variant list", e);
        }
    }
}
