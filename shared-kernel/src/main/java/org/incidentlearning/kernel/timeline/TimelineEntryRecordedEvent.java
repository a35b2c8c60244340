package org.incidentlearning.kernel.timeline;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.TimelineEntry;

import java.time.Instant;

@Revision("1")
public record TimelineEntryRecordedEvent(String incidentId, String entryId, Instant occurredAt, String team,
                                         TimelineEntryKind kind, String text) implements EntryRecorded {

    @Override
    public TimelineEntry entry() {
        return new TimelineEntry(occurredAt, team, kind, text);
    }
}
