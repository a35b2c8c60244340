package org.incidentlearning.kernel.timeline;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record CoordinationRecordedEvent(String incidentId, String coordinationId, String team, CoordinationKind kind,
                                        List<String> withTeams, String description, Instant occurredAt) {
    public CoordinationRecordedEvent {
        withTeams = withTeams == null ? List.of() : List.copyOf(withTeams);
    }
}
