package org.incidentlearning.kernel.error;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/** Construction-time checks for message records: a malformed command or event cannot exist. */
public final class Require {

    /** How many years a timestamp or date may be in: 0000 to 9999. */
    public static final int YEARS = 10_000;
    /** Where the years 0000 to 9999 begin and end (UTC). */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant BEYOND = Instant.parse("+10000-01-01T00:00:00Z");

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw IncidentRejection.invalid(field + " must not be blank");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw IncidentRejection.invalid(field + " is required");
        }
        return value;
    }

    /**
     * A moment in the years 0000 to 9999 (UTC), or null. Timestamps have four-digit years (RFC 3339); the views bucket
     * incidents by year and keep times in SQL columns, and a year beyond them would break the projection.
     */
    public static Instant fourDigitYear(Instant value, String field) {
        if (value != null && (value.isBefore(FIRST) || !value.isBefore(BEYOND))) {
            throw IncidentRejection.invalid(field + " must be in the years 0000 to 9999 (UTC), got " + value);
        }
        return value;
    }

    /** A date in the years 0000 to 9999, or null; see {@link #fourDigitYear(Instant, String)}. */
    public static LocalDate fourDigitYear(LocalDate value, String field) {
        if (value != null && (value.getYear() < 0 || value.getYear() > 9999)) {
            throw IncidentRejection.invalid(field + " must be in the years 0000 to 9999, got " + value);
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw IncidentRejection.invalid(field + " must not be empty");
        }
        return values;
    }
}
