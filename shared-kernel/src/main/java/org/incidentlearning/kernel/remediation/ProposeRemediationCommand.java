package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

/** A remediation owned by {@code team}, the team closest to the system. */
public record ProposeRemediationCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                        String team, String description) {
    public ProposeRemediationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
        Require.text(team, "team");
        Require.text(description, "description");
    }
}
