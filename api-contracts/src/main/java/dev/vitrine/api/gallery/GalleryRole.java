package dev.vitrine.api.gallery;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vitrine.api.identity.Actor;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What someone may do in a gallery, each role with all the rights of those before it. The one table of them: the
 * Gallery and Image aggregates, the gallery lookup and the read model all ask this enum.
 *
 * <ul>
 *   <li>{@link #VIEWER} sees the gallery and its published images, whatever its visibility;
 *   <li>{@link #CONTRIBUTOR} also sees what is still processing, uploads, and edits and deletes the images they
 *       uploaded;
 *   <li>{@link #EDITOR} also edits the gallery's name, description and cover, every image, and its share links,
 *       and sees where its photos were taken;
 *   <li>{@link #OWNER} (the owner, or an administrator) also changes its visibility, deletes it and chooses its
 *       members. Nobody is made an owner: it is no member's role.
 * </ul>
 */
public enum GalleryRole {
    @JsonProperty("viewer")
    VIEWER,
    @JsonProperty("contributor")
    CONTRIBUTOR,
    @JsonProperty("editor")
    EDITOR,
    @JsonProperty("owner")
    OWNER;

    /** The role {@code actor} has in a gallery of {@code ownerId} with these members; null: none. */
    public static GalleryRole of(Actor actor, UUID ownerId, Map<UUID, GalleryRole> members) {
        if (actor.mayManage(ownerId)) {
            return OWNER;
        }
        return actor.isAnonymous() ? null : members.get(actor.userId());
    }

    public boolean mayUpload() {
        return atLeast(CONTRIBUTOR);
    }

    /** Processing, rejected and stalled images are shown to those who may upload (they are fixing them). */
    public boolean seesUnpublished() {
        return atLeast(CONTRIBUTOR);
    }

    /**
     * Where photos were taken (their GPS position) is shown to editors and owners; to viewers, contributors,
     * anonymous readers and link holders only where the gallery's owner chose to show it.
     */
    public boolean seesLocation() {
        return atLeast(EDITOR);
    }

    /** Near-duplicates are reviewed by those who may delete any of them: editors and owners. */
    public boolean reviewsDuplicates() {
        return atLeast(EDITOR);
    }

    public boolean mayEditGallery() {
        return atLeast(EDITOR);
    }

    /** Every image for editors and owners; a contributor only the images they uploaded. */
    public boolean mayChangeImage(Actor actor, UUID uploaderId) {
        return atLeast(EDITOR) || (this == CONTRIBUTOR && uploaderId != null && uploaderId.equals(actor.userId()));
    }

    public boolean mayManageMembers() {
        return this == OWNER;
    }

    /** Whether a member may be given this role (owner is nobody's to give). */
    public boolean isMemberRole() {
        return this != OWNER;
    }

    public boolean atLeast(GalleryRole other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GalleryRole fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
