package org.incidentlearning.kernel.correction;

import java.util.Map;

public record EntryAmendedEvent(String incidentId, String entryId, EntryKind entryKind, Map<String, String> changes,
                                String reason) {
    public EntryAmendedEvent {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }
}
