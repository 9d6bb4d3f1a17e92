package dev.orderflow.command;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches the {@link DomainException} an aggregate throws by its {@link RefusalKind}, which decides the
 * HTTP status the client gets: use with {@code expectException(...)} next to {@code expectExceptionMessage(...)}.
 */
public final class DomainExceptionMatchers {

    private DomainExceptionMatchers() {
    }

    public static Matcher<Throwable> aRuleViolation() {
        return aDomainException(RefusalKind.RULE_VIOLATED);
    }

    public static Matcher<Throwable> aConflict() {
        return aDomainException(RefusalKind.CONFLICT);
    }

    public static Matcher<Throwable> aNotFound() {
        return aDomainException(RefusalKind.NOT_FOUND);
    }

    private static Matcher<Throwable> aDomainException(RefusalKind kind) {
        return new TypeSafeMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof DomainException domainException && domainException.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException of kind ").appendValue(kind);
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was ").appendValue(thrown);
                if (thrown instanceof DomainException domainException) {
                    description.appendText(" of kind ").appendValue(domainException.kind());
                }
            }
        };
    }
}
