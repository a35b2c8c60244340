package org.incidentlearning.kernel.remediation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

/**
 * This incident ({@code incidentId}) is a recurrence of an earlier one, whose remediation {@code remediationId} its
 * team declined: the context flows back to the deciding team.
 */
public record LinkRecurrenceCommand(@TargetAggregateIdentifier String incidentId, String recurrenceId,
                                    String ofIncidentId, String remediationId, String note) {
    public LinkRecurrenceCommand {
        Require.text(incidentId, "incidentId");
        Require.text(recurrenceId, "recurrenceId");
        Require.text(ofIncidentId, "ofIncidentId");
        Require.text(remediationId, "remediationId");
    }
}
