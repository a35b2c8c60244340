package org.incidentlearning.kernel.context;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.Context;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.Require;

public record RecordContextCommand(@TargetAggregateIdentifier String incidentId, String contextId, String team,
                                   ContextKind kind, String description) implements RecordsEntry {
    public RecordContextCommand {
        Require.text(incidentId, "incidentId");
        Require.text(contextId, "contextId");
        Require.text(team, "team");
        Require.present(kind, "kind");
        Require.text(description, "description");
    }

    @Override
    public String entryId() {
        return contextId;
    }

    @Override
    public Context entry() {
        return new Context(team, kind, description);
    }
}
