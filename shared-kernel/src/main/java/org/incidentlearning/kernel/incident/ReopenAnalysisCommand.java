package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

public record ReopenAnalysisCommand(@TargetAggregateIdentifier String incidentId, String reason) {
    public ReopenAnalysisCommand {
        Require.text(incidentId, "incidentId");
        Require.text(reason, "reason");
    }
}
