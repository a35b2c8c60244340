package org.incidentlearning.kernel.entry;

import java.time.Instant;

/** What {@code team} believed about {@code subject} (a component or a process), held at {@code heldAt} if known. */
public record MentalModel(String team, String subject, String belief, Instant heldAt) implements RecordedEntry {

    @Override
    public EntryKind entryKind() {
        return EntryKind.MENTAL_MODEL;
    }
}
