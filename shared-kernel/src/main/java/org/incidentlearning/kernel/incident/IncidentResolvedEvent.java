package org.incidentlearning.kernel.incident;

import java.time.Instant;

public record IncidentResolvedEvent(String incidentId, Instant resolvedAt, String resolution) {
}
