package dev.vitrine.command.gallery;

import dev.vitrine.api.PlainText;
import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.gallery.GalleryRules;

/** A gallery's name (1–100 characters, not blank) and optional description (at most 500). */
record GalleryDetails(String name, String description) {

    static GalleryDetails create(String name, String description) {
        return new GalleryDetails(validName(name), validDescription(description));
    }

    /** A null argument keeps the current value; an empty description removes it. */
    GalleryDetails change(String newName, String newDescription) {
        return new GalleryDetails(
                newName == null ? name : validName(newName),
                newDescription == null ? description : validDescription(newDescription));
    }

    private static String validName(String name) {
        String stripped = name == null ? null : name.strip();
        if (!GalleryRules.isValidName(stripped)) {
            throw RejectedException.invalid(
                    "name",
                    "must be 1 to " + GalleryRules.NAME_MAX + " characters, not blank, without control characters");
        }
        return stripped;
    }

    private static String validDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (!GalleryRules.isValidDescription(description)) {
            throw RejectedException.invalid(
                    "description",
                    "must be at most " + GalleryRules.DESCRIPTION_MAX + " characters, "
                            + PlainText.LINES_MESSAGE.replace("must ", ""));
        }
        return description;
    }
}
