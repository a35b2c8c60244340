package org.incidentlearning.kernel.linkage;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.Linkage;

@Revision("1")
public record LinkageDiscoveredEvent(String incidentId, String linkageId, LinkageKind kind, String from, String to,
                                     String description, String condition, boolean believedAbsent)
        implements EntryRecorded {

    @Override
    public String entryId() {
        return linkageId;
    }

    @Override
    public Linkage entry() {
        return new Linkage(kind, from, to, description, condition, believedAbsent);
    }
}
