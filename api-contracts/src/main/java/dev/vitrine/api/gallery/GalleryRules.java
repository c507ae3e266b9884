package dev.vitrine.api.gallery;

import dev.vitrine.api.PlainText;

/** Limits shared by the HTTP validation and the Gallery aggregate, so both say the same thing. */
public final class GalleryRules {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;
    /** Members of one gallery: enough for a family or a team, few enough to list on one page. */
    public static final int MEMBERS_MAX = 100;
    /** At least one character that is not white space. */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private GalleryRules() {}

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX && PlainText.isOneLine(name);
    }

    public static boolean isValidDescription(String description) {
        return description == null || (description.length() <= DESCRIPTION_MAX && PlainText.isLines(description));
    }
}
