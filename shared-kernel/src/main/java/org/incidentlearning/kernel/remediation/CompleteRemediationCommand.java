package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.Require;

public record CompleteRemediationCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                         String note) implements TargetsEntry {
    public CompleteRemediationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
    }

    @Override
    public String targetEntryId() {
        return remediationId;
    }
}
