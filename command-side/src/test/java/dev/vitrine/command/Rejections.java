package dev.vitrine.command;

import dev.vitrine.api.error.ErrorCode;
import dev.vitrine.api.error.RejectedException;
import java.util.Objects;
import java.util.UUID;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the rejection a rule gives: its code and the field it names. */
public final class Rejections {

    private Rejections() {}

    public static Matcher<RejectedException> rejected(ErrorCode code) {
        return rejected(code, null);
    }

    public static Matcher<RejectedException> duplicateOf(UUID existing) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedException e) {
                return e.code() == ErrorCode.DUPLICATE_IMAGE && existing.equals(e.existingId());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected as a duplicate of " + existing);
            }
        };
    }

    public static Matcher<RejectedException> rejected(ErrorCode code, String path) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectedException e) {
                return e.code() == code && Objects.equals(e.path(), path);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("rejected as " + code + " at " + path);
            }

            @Override
            protected void describeMismatchSafely(RejectedException e, Description description) {
                description.appendText("was " + e.code() + " at " + e.path() + " (" + e.getMessage() + ")");
            }
        };
    }
}
