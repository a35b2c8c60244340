package org.incidentlearning.kernel.error;

import java.util.Collection;

/** Construction-time checks for message records: a malformed command or event cannot exist. */
public final class Require {

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

    public static <C extends Collection<?>> C notEmpty(C values, String field) {
        if (values == null || values.isEmpty()) {
            throw IncidentRejection.invalid(field + " must not be empty");
        }
        return values;
    }
}
