package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.entry.RemediationItem;
import org.incidentlearning.kernel.error.Require;

/** A remediation owned by {@code team}, the team closest to the system. */
public record ProposeRemediationCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                        String team, String description) implements RecordsEntry {
    public ProposeRemediationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
        Require.text(team, "team");
        Require.text(description, "description");
    }

    @Override
    public String entryId() {
        return remediationId;
    }

    @Override
    public RemediationItem entry() {
        return new RemediationItem(team, description);
    }
}
