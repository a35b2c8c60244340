package org.incidentlearning.kernel.timeline;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record TimelineEntryRecordedEvent(String incidentId, String entryId, Instant occurredAt, String team,
                                         TimelineEntryKind kind, String text) {
}
