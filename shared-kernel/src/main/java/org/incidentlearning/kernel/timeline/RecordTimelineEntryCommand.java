package org.incidentlearning.kernel.timeline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/** {@code occurredAt} is when it happened; when it was recorded is the event's own timestamp. */
public record RecordTimelineEntryCommand(@TargetAggregateIdentifier String incidentId, String entryId,
                                         Instant occurredAt, String team, TimelineEntryKind kind, String text) {
    public RecordTimelineEntryCommand {
        Require.text(incidentId, "incidentId");
        Require.text(entryId, "entryId");
        Require.fourDigitYear(Require.present(occurredAt, "occurredAt"), "occurredAt");
        Require.text(team, "team");
        Require.present(kind, "kind");
        Require.text(text, "text");
    }
}
