package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.RemediationItem;

@Revision("1")
public record RemediationProposedEvent(String incidentId, String remediationId, String team, String description)
        implements EntryRecorded {

    @Override
    public String entryId() {
        return remediationId;
    }

    @Override
    public RemediationItem entry() {
        return new RemediationItem(team, description);
    }
}
