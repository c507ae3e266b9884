package dev.vitrine.query.projection;

import java.util.Set;
import java.util.UUID;

/**
 * What a committed batch changed in the read model.
 *
 * @param galleries   the galleries whose row or images changed
 * @param rows        the ids of every changed row (galleries and images)
 * @param galleryRows whether a gallery row itself changed (lists of galleries show it)
 */
public record ReadModelChange(Set<UUID> galleries, Set<UUID> rows, boolean galleryRows) {

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
