package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record DivergenceNotedEvent(String incidentId, String divergenceId, List<String> mentalModelIds,
                                   String description, String effect) {
    public DivergenceNotedEvent {
        mentalModelIds = mentalModelIds == null ? List.of() : List.copyOf(mentalModelIds);
    }
}
