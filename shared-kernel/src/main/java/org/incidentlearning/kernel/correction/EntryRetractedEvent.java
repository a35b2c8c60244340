package org.incidentlearning.kernel.correction;

public record EntryRetractedEvent(String incidentId, String entryId, EntryKind entryKind, String reason) {
}
