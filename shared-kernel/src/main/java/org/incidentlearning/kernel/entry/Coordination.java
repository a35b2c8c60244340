package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.timeline.CoordinationKind;

import java.time.Instant;
import java.util.List;

/** How {@code team} coordinated with {@code withTeams} during the response (a hand-off, an escalation…). */
public record Coordination(String team, CoordinationKind kind, List<String> withTeams, String description,
                           Instant occurredAt) implements RecordedEntry {

    public Coordination {
        withTeams = withTeams == null ? List.of() : List.copyOf(withTeams);
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.COORDINATION;
    }
}
