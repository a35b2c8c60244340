package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.Require;

import java.time.LocalDate;

/**
 * Strategic accountability: the owning team decides not to remediate, says why, names the risk it accepts and,
 * optionally, when it will look at the decision again.
 */
public record DecideNotToRemediateCommand(@TargetAggregateIdentifier String incidentId, String remediationId,
                                          String rationale, String acceptedRisk, LocalDate revisitBy)
        implements TargetsEntry {
    public DecideNotToRemediateCommand {
        Require.text(incidentId, "incidentId");
        Require.text(remediationId, "remediationId");
        Require.text(rationale, "rationale");
        Require.text(acceptedRisk, "acceptedRisk");
        Require.fourDigitYear(revisitBy, "revisitBy");
    }

    @Override
    public String targetEntryId() {
        return remediationId;
    }
}
