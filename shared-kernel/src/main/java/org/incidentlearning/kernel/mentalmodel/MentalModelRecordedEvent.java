package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.MentalModel;

import java.time.Instant;

@Revision("1")
public record MentalModelRecordedEvent(String incidentId, String mentalModelId, String team, String subject,
                                       String belief, Instant heldAt) implements EntryRecorded {

    @Override
    public String entryId() {
        return mentalModelId;
    }

    @Override
    public MentalModel entry() {
        return new MentalModel(team, subject, belief, heldAt);
    }
}
