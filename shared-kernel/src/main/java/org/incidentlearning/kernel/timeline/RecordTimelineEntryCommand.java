package org.incidentlearning.kernel.timeline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.entry.TimelineEntry;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/** {@code occurredAt} is when it happened; when it was recorded is the event's own timestamp. */
public record RecordTimelineEntryCommand(@TargetAggregateIdentifier String incidentId, String entryId,
                                         Instant occurredAt, String team, TimelineEntryKind kind, String text)
        implements RecordsEntry {
    public RecordTimelineEntryCommand {
        Require.text(incidentId, "incidentId");
        Require.text(entryId, "entryId");
        Require.fourDigitYear(Require.present(occurredAt, "occurredAt"), "occurredAt");
        Require.text(team, "team");
        Require.present(kind, "kind");
        Require.text(text, "text");
    }

    @Override
    public TimelineEntry entry() {
        return new TimelineEntry(occurredAt, team, kind, text);
    }
}
