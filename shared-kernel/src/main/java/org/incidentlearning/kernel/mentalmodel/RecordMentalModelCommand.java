package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/** What {@code team} believed about {@code subject} (a component or a process) at {@code heldAt}. */
public record RecordMentalModelCommand(@TargetAggregateIdentifier String incidentId, String mentalModelId,
                                       String team, String subject, String belief, Instant heldAt) {
    public RecordMentalModelCommand {
        Require.text(incidentId, "incidentId");
        Require.text(mentalModelId, "mentalModelId");
        Require.text(team, "team");
        Require.text(subject, "subject");
        Require.text(belief, "belief");
        Require.fourDigitYear(heldAt, "heldAt");
    }
}
