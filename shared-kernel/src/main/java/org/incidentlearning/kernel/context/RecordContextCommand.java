package org.incidentlearning.kernel.context;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

public record RecordContextCommand(@TargetAggregateIdentifier String incidentId, String contextId, String team,
                                   ContextKind kind, String description) {
    public RecordContextCommand {
        Require.text(incidentId, "incidentId");
        Require.text(contextId, "contextId");
        Require.text(team, "team");
        Require.present(kind, "kind");
        Require.text(description, "description");
    }
}
