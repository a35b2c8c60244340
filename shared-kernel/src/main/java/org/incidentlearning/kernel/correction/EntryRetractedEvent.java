package org.incidentlearning.kernel.correction;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EntryRetractedEvent(String incidentId, String entryId, EntryKind entryKind, String reason) {
}
