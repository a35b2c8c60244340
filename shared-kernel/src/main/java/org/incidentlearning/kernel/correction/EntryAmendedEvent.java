package org.incidentlearning.kernel.correction;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.EntryKind;

import java.util.Map;

@Revision("1")
public record EntryAmendedEvent(String incidentId, String entryId, EntryKind entryKind, Map<String, String> changes,
                                String reason) {
    public EntryAmendedEvent {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }
}
