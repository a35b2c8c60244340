package org.incidentlearning.command;

import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.incidentlearning.command.incident.Incident;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;

/** Expectations about refused commands, shared by the aggregate fixtures. */
public final class Rejections {

    private Rejections() {
    }

    /** Matches an {@link IncidentRejection} carrying the given error code. */
    public static Matcher<IncidentRejection> rejectedWith(ErrorCode code) {
        return new TypeSafeMatcher<>(IncidentRejection.class) {
            @Override
            protected boolean matchesSafely(IncidentRejection rejection) {
                return rejection.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an IncidentRejection with code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(IncidentRejection rejection, Description mismatch) {
                mismatch.appendText("had code ").appendValue(rejection.code())
                        .appendText(" (").appendText(rejection.getMessage()).appendText(")");
            }
        };
    }

    /** The command was refused with {@code code} and nothing was stored. */
    public static ResultValidator<Incident> assertRejected(ResultValidator<Incident> validator, ErrorCode code) {
        return validator.expectNoEvents()
                .expectException(IncidentRejection.class)
                .expectException(rejectedWith(code));
    }
}
