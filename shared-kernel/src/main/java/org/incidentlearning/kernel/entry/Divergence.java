package org.incidentlearning.kernel.entry;

import java.util.List;

/** Two or more mental models of the incident diverged, and {@code effect} is what that did to the response. */
public record Divergence(List<String> mentalModelIds, String description, String effect) implements RecordedEntry {

    public Divergence {
        mentalModelIds = mentalModelIds == null ? List.of() : List.copyOf(mentalModelIds);
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.DIVERGENCE;
    }

    /** Nobody's: any team involved in the incident may note or correct it. */
    @Override
    public String team() {
        return null;
    }

    /** The same models in another order are the same divergence. */
    @Override
    public RecordedEntry content() {
        return new Divergence(mentalModelIds.stream().sorted().toList(), description, effect);
    }
}
