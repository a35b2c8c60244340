package org.incidentlearning.kernel.incident;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** {@code resolvedAt} is null when the impact ended as the event was recorded: its timestamp says when. */
@Revision("1")
public record IncidentResolvedEvent(String incidentId, Instant resolvedAt, String resolution) {
}
