package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.Require;

/** Takes a completed or declined remediation back to PROPOSED, so the decision can be made again. */
public record ReopenRemediationCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                       String reason) implements TargetsEntry {
    public ReopenRemediationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
        Require.text(reason, "reason");
    }

    @Override
    public String targetEntryId() {
        return remediationId;
    }
}
