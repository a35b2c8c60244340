package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.Require;

import java.time.LocalDate;

public record PrioritizeRemediationCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                           RemediationPriority priority, String rationale, LocalDate dueBy)
        implements TargetsEntry {
    public PrioritizeRemediationCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
        Require.present(priority, "priority");
        Require.fourDigitYear(dueBy, "dueBy");
    }

    @Override
    public String targetEntryId() {
        return remediationId;
    }
}
