package org.incidentlearning.query.incident;

import java.time.Instant;

/**
 * One part of an incident's view, stored as a row of its own: an entry, a correction, a publication or a recurrence.
 * {@code sequence} is the incident event that made it, {@code sortAt} when it happened where the view orders by that
 * (the timeline), and {@code value} the part as the view shows it.
 */
record IncidentPart(String incidentId, PartSection section, String partId, long sequence, Instant sortAt,
                    Instant recordedAt, Object value) {

    IncidentPart withValue(Object changed, Instant changedSortAt) {
        return new IncidentPart(incidentId, section, partId, sequence, changedSortAt, recordedAt, changed);
    }
}
