package org.incidentlearning.kernel.context;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.Context;
import org.incidentlearning.kernel.entry.EntryRecorded;

@Revision("1")
public record ContextRecordedEvent(String incidentId, String contextId, String team, ContextKind kind,
                                   String description) implements EntryRecorded {

    @Override
    public String entryId() {
        return contextId;
    }

    @Override
    public Context entry() {
        return new Context(team, kind, description);
    }
}
