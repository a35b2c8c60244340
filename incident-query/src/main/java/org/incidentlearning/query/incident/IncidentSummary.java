package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;

import java.time.Instant;
import java.util.List;

/** One line of the incident list. */
public record IncidentSummary(String id, String title, Severity severity, IncidentStatus status, Instant startedAt,
                              List<String> teams, List<String> components, long version, Instant updatedAt) {
}
