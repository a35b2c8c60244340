package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.context.ContextKind;

/** A pressure, incentive, constraint, priority or circumstance at the edges that shaped {@code team}'s decisions. */
public record Context(String team, ContextKind kind, String description) implements RecordedEntry {

    @Override
    public EntryKind entryKind() {
        return EntryKind.CONTEXT;
    }
}
