package dev.vitrine.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrine.api.gallery.event.GalleryCoverChanged;
import dev.vitrine.api.gallery.event.GalleryCreated;
import dev.vitrine.api.gallery.event.GalleryDeleted;
import dev.vitrine.api.gallery.event.GalleryDetailsChanged;
import dev.vitrine.api.gallery.event.GalleryVisibilityChanged;
import dev.vitrine.api.image.event.ImageAltChanged;
import dev.vitrine.api.image.event.ImageAnalyzed;
import dev.vitrine.api.image.event.ImageDeleted;
import dev.vitrine.api.image.event.ImageProcessingFailed;
import dev.vitrine.api.image.event.ImageProcessingStalled;
import dev.vitrine.api.image.event.ImagePublished;
import dev.vitrine.api.image.event.ImageRejected;
import dev.vitrine.api.image.event.ImageReprocessingRequested;
import dev.vitrine.api.image.event.UploadConfirmed;
import dev.vitrine.api.image.event.UploadExpired;
import dev.vitrine.api.image.event.UploadRequested;
import dev.vitrine.api.image.event.VariantGenerated;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Events stored before the contracts were split by message kind name their classes in the feature's package
 * ({@code dev.vitrine.api.image.ImagePublished}); they are read under their new names
 * ({@code dev.vitrine.api.image.event.ImagePublished}), at the revision they were stored with. The stored rows are
 * never rewritten: the log (and its hash chain) stays as it was written.
 */
public final class EventPackagesSplitByKind extends SingleEventUpcaster {

    /** Every event type that existed before the split; a type added later was never stored under an old name. */
    static final List<Class<?>> EVENTS_BEFORE_THE_SPLIT = List.of(
            GalleryCreated.class,
            GalleryDetailsChanged.class,
            GalleryVisibilityChanged.class,
            GalleryCoverChanged.class,
            GalleryDeleted.class,
            UploadRequested.class,
            UploadConfirmed.class,
            UploadExpired.class,
            ImageAltChanged.class,
            ImageAnalyzed.class,
            VariantGenerated.class,
            ImagePublished.class,
            ImageRejected.class,
            ImageProcessingFailed.class,
            ImageProcessingStalled.class,
            ImageReprocessingRequested.class,
            ImageDeleted.class);

    private static final Map<String, String> CURRENT_NAME_BY_OLD = EVENTS_BEFORE_THE_SPLIT.stream()
            .collect(Collectors.toUnmodifiableMap(EventPackagesSplitByKind::oldName, Class::getName));

    /** {@code dev.vitrine.api.image.event.ImagePublished} was {@code dev.vitrine.api.image.ImagePublished}. */
    static String oldName(Class<?> event) {
        String kindPackage = event.getPackageName();
        return kindPackage.substring(0, kindPackage.lastIndexOf('.')) + "." + event.getSimpleName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return CURRENT_NAME_BY_OLD.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        var stored = representation.getType();
        var current = new SimpleSerializedType(CURRENT_NAME_BY_OLD.get(stored.getName()), stored.getRevision());
        return representation.upcastPayload(current, JsonNode.class, Function.identity());
    }
}
