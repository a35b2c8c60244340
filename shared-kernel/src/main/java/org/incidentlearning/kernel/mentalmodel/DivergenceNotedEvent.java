package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.serialization.Revision;
import org.incidentlearning.kernel.entry.Divergence;
import org.incidentlearning.kernel.entry.EntryRecorded;

import java.util.List;

@Revision("1")
public record DivergenceNotedEvent(String incidentId, String divergenceId, List<String> mentalModelIds,
                                   String description, String effect) implements EntryRecorded {
    public DivergenceNotedEvent {
        mentalModelIds = mentalModelIds == null ? List.of() : List.copyOf(mentalModelIds);
    }

    @Override
    public String entryId() {
        return divergenceId;
    }

    @Override
    public Divergence entry() {
        return new Divergence(mentalModelIds, description, effect);
    }
}
