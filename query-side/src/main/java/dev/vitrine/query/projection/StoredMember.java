package dev.vitrine.query.projection;

import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.identity.Actor;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A member as a gallery's row keeps it. */
public record StoredMember(UUID userId, String username, GalleryRole role) {

    /** The viewer's role in a gallery of {@code ownerId} with these members (see {@link GalleryRole#of}). */
    public static GalleryRole roleOf(Actor viewer, UUID ownerId, List<StoredMember> members) {
        Map<UUID, GalleryRole> roles =
                members.stream().collect(Collectors.toMap(StoredMember::userId, StoredMember::role));
        return GalleryRole.of(viewer, ownerId, roles);
    }

    /** The members in a column read through R2DBC (selected as text, see {@link ColumnType#MEMBERS}). */
    public static List<StoredMember> read(Readable row, String column) {
        return ColumnType.MEMBERS.read(row, column);
    }
}
