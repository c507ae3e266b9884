package dev.vitrine.command;

import dev.vitrine.api.error.RejectedException;
import dev.vitrine.api.error.Rejection;
import java.util.Objects;
import java.util.UUID;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the rejection a rule gives: its kind, its code and the field it names. */
public final class Rejections {

    private Rejections() {}

    public static Matcher<RejectedException> rejected(Rejection rejection, String code) {
        return rejected(rejection, code, null);
    }

    public static Matcher<RejectedException> duplicateOf(UUID existing) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedException e) {
                return e.rejection() == Rejection.CONFLICT
                        && e.code().equals("duplicate_image")
                        && existing.equals(e.existingId());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected as a duplicate of " + existing);
            }
        };
    }

    public static Matcher<RejectedException> rejected(Rejection rejection, String code, String path) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedException e) {
                return e.rejection() == rejection && e.code().equals(code) && Objects.equals(e.path(), path);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected as " + rejection + " " + code + " at " + path);
            }

            @Override
            protected void describeMismatchSafely(RejectedException e, Description description) {
                description.appendText(
                        "was " + e.rejection() + " " + e.code() + " at " + e.path() + " (" + e.getMessage() + ")");
            }
        };
    }
}
