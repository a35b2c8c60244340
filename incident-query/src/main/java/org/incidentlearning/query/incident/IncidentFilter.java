package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.incident.IncidentStatus;

/** The incident list's filters; a null field does not filter. */
public record IncidentFilter(String team, String component, IncidentStatus status) {
}
