package org.incidentlearning.kernel.timeline;

import java.time.Instant;
import java.util.List;

public record CoordinationRecordedEvent(String incidentId, String coordinationId, String team, CoordinationKind kind,
                                        List<String> withTeams, String description, Instant occurredAt) {
    public CoordinationRecordedEvent {
        withTeams = withTeams == null ? List.of() : List.copyOf(withTeams);
    }
}
