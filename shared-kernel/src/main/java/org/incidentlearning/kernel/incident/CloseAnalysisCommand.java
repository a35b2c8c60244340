package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

public record CloseAnalysisCommand(@TargetAggregateIdentifier String incidentId, String conclusion) {
    public CloseAnalysisCommand {
        Require.text(incidentId, "incidentId");
    }
}
