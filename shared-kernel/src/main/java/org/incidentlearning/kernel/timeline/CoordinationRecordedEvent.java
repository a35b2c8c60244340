package org.incidentlearning.kernel.timeline;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.Coordination;
import org.incidentlearning.kernel.entry.EntryRecorded;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record CoordinationRecordedEvent(String incidentId, String coordinationId, String team, CoordinationKind kind,
                                        List<String> withTeams, String description, Instant occurredAt)
        implements EntryRecorded {
    public CoordinationRecordedEvent {
        withTeams = withTeams == null ? List.of() : List.copyOf(withTeams);
    }

    @Override
    public String entryId() {
        return coordinationId;
    }

    @Override
    public Coordination entry() {
        return new Coordination(team, kind, withTeams, description, occurredAt);
    }
}
