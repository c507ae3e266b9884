package dev.vitrine.query.projection;

import dev.vitrine.api.gallery.GalleryRole;
import dev.vitrine.api.gallery.Visibility;
import dev.vitrine.api.gallery.query.GalleryView;
import dev.vitrine.api.identity.Actor;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code gallery_view}: a gallery as the read model keeps it. The fold changes it on a copy; the read
 * side reads it and decides from it who may see the gallery. {@link #TABLE} is where each column is said.
 */
public final class GalleryRow {

    UUID id;
    UUID ownerId;
    String name;
    String description;
    Visibility visibility;
    UUID coverImageId;
    /** Who else may see (and perhaps change) it, and how: see {@link GalleryRole}. */
    List<StoredMember> members = List.of();
    /** Whether everyone who sees it sees where its photos were taken, not only owner and editors. */
    boolean showsLocations;
    /** Published images: what everyone sees. */
    int imageCount;
    /** Processing, published, rejected and stalled images: what the owner sees. */
    int confirmedCount;
    /** The position the gallery's last confirmed image was given (positions order a gallery's images). */
    long nextPosition;

    Instant createdAt;
    Instant updatedAt;
    boolean deleted;
    /** Sequence number of the gallery's last event reflected here. */
    long version;
    /** Global index of the last event that changed the row (its own, or one of its images'). */
    long lastEventIndex;

    static final RowTable<GalleryRow> TABLE = new RowTable<>(
            GalleryRow::new,
            List.of(
                    Column.of("id", ColumnType.UUID_TYPE, r -> r.id, (r, v) -> r.id = v),
                    Column.of("owner_id", ColumnType.UUID_TYPE, r -> r.ownerId, (r, v) -> r.ownerId = v),
                    Column.of("name", ColumnType.TEXT, r -> r.name, (r, v) -> r.name = v),
                    Column.of("description", ColumnType.TEXT, r -> r.description, (r, v) -> r.description = v),
                    Column.of(
                            "visibility",
                            ColumnType.wireName(Visibility::wireName, Visibility::fromWireName),
                            r -> r.visibility,
                            (r, v) -> r.visibility = v),
                    Column.of(
                            "cover_image_id", ColumnType.UUID_TYPE, r -> r.coverImageId, (r, v) -> r.coverImageId = v),
                    Column.of("members", ColumnType.MEMBERS, r -> r.members, (r, v) -> r.members = v),
                    Column.of(
                            "shows_locations",
                            ColumnType.BOOLEAN,
                            r -> r.showsLocations,
                            (r, v) -> r.showsLocations = v),
                    Column.of("image_count", ColumnType.INTEGER, r -> r.imageCount, (r, v) -> r.imageCount = v),
                    Column.of(
                            "confirmed_count",
                            ColumnType.INTEGER,
                            r -> r.confirmedCount,
                            (r, v) -> r.confirmedCount = v),
                    Column.of("next_position", ColumnType.BIGINT, r -> r.nextPosition, (r, v) -> r.nextPosition = v),
                    Column.of("created_at", ColumnType.TIMESTAMP, r -> r.createdAt, (r, v) -> r.createdAt = v),
                    Column.of("updated_at", ColumnType.TIMESTAMP, r -> r.updatedAt, (r, v) -> r.updatedAt = v),
                    Column.of("deleted", ColumnType.BOOLEAN, r -> r.deleted, (r, v) -> r.deleted = v),
                    Column.of("version", ColumnType.BIGINT, r -> r.version, (r, v) -> r.version = v),
                    Column.of(
                            "last_event_index",
                            ColumnType.BIGINT,
                            r -> r.lastEventIndex,
                            (r, v) -> r.lastEventIndex = v)));

    private GalleryRow() {}

    /** Every column, as the read side selects them. */
    public static String selectList() {
        return TABLE.selectList();
    }

    /** A row as the read side fetched it. */
    public static GalleryRow read(Readable row) {
        return TABLE.read(row);
    }

    GalleryRow(UUID id) {
        this.id = id;
    }

    GalleryRow copy() {
        return TABLE.copy(this);
    }

    /** The gallery's own event at {@code at}: it changes the row and the row's version. */
    void changedBy(EventPosition at) {
        version = at.sequence();
        updatedAt = at.at();
        lastEventIndex = at.index();
    }

    void adjust(ImageList list, int by) {
        if (list == ImageList.PUBLISHED) {
            imageCount += by;
        } else {
            confirmedCount += by;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean deleted() {
        return deleted;
    }

    public long version() {
        return version;
    }

    /** The viewer's role in the gallery (owner for administrators too); null: none. */
    public GalleryRole roleOf(Actor viewer) {
        return StoredMember.roleOf(viewer, ownerId, members);
    }

    /** Private galleries exist only for their owner, members (and administrators); deleted ones for nobody. */
    public boolean visibleTo(Actor viewer) {
        return !deleted && (visibility != Visibility.PRIVATE || roleOf(viewer) != null);
    }

    /** Those who may upload also see images still processing or rejected; everyone else only published ones. */
    public boolean showsUnpublishedTo(Actor viewer) {
        GalleryRole role = roleOf(viewer);
        return role != null && role.seesUnpublished();
    }

    /**
     * Where its photos were taken: for everyone when its owner chose so, else for those whose role sees it
     * ({@link GalleryRole#seesLocation}); anonymous readers and link holders ask as {@code Actor.anonymous()}.
     */
    public boolean showsLocationTo(Actor viewer) {
        if (showsLocations) {
            return true;
        }
        GalleryRole role = roleOf(viewer);
        return role != null && role.seesLocation();
    }

    public List<StoredMember> members() {
        return members;
    }

    public String name() {
        return name;
    }

    /** How many images of {@code list} the gallery has. */
    public int imageCount(ImageList list) {
        return list == ImageList.PUBLISHED ? imageCount : confirmedCount;
    }

    /** The gallery as {@code viewer} sees it: with the viewer's role in it. */
    public GalleryView view(Actor viewer) {
        return new GalleryView(
                id,
                name,
                description,
                coverImageId,
                imageCount,
                visibility,
                ownerId,
                createdAt,
                updatedAt,
                version,
                showsLocations,
                roleOf(viewer));
    }
}
