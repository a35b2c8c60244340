package org.incidentlearning.kernel.timeline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.Coordination;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;
import java.util.List;

/** How {@code team} coordinated with {@code withTeams} during the response (hand-offs, escalations…). */
public record RecordCoordinationCommand(@TargetAggregateIdentifier String incidentId, String coordinationId,
                                        String team, CoordinationKind kind, List<String> withTeams,
                                        String description, Instant occurredAt) implements RecordsEntry {
    public RecordCoordinationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(coordinationId, "coordinationId");
        Require.text(team, "team");
        Require.present(kind, "kind");
        Require.text(description, "description");
        Require.fourDigitYear(occurredAt, "occurredAt");
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
