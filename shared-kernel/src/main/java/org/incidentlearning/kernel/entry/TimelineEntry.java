package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.timeline.TimelineEntryKind;

import java.time.Instant;

/** What happened and when it happened ({@code occurredAt}), as a team saw it; when it was recorded is the event's. */
public record TimelineEntry(Instant occurredAt, String team, TimelineEntryKind kind, String text)
        implements RecordedEntry {

    @Override
    public EntryKind entryKind() {
        return EntryKind.TIMELINE_ENTRY;
    }
}
