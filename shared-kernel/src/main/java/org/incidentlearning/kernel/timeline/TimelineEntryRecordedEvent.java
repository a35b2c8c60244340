package org.incidentlearning.kernel.timeline;

import java.time.Instant;

public record TimelineEntryRecordedEvent(String incidentId, String entryId, Instant occurredAt, String team,
                                         TimelineEntryKind kind, String text) {
}
