package org.incidentlearning.kernel.correction;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryKind;

@Revision("1")
public record EntryRetractedEvent(String incidentId, String entryId, EntryKind entryKind, String reason) {
}
