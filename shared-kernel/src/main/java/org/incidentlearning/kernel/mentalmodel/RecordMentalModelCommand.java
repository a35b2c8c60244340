package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.MentalModel;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/** What {@code team} believed about {@code subject} (a component or a process) at {@code heldAt}. */
public record RecordMentalModelCommand(@TargetAggregateIdentifier String incidentId, String mentalModelId,
                                       String team, String subject, String belief, Instant heldAt)
        implements RecordsEntry {
    public RecordMentalModelCommand {
        Require.text(incidentId, "incidentId");
        Require.text(mentalModelId, "mentalModelId");
        Require.text(team, "team");
        Require.text(subject, "subject");
        Require.text(belief, "belief");
        Require.fourDigitYear(heldAt, "heldAt");
    }

    @Override
    public String entryId() {
        return mentalModelId;
    }

    @Override
    public MentalModel entry() {
        return new MentalModel(team, subject, belief, heldAt);
    }
}
