package org.incidentlearning.kernel.mentalmodel;

import java.util.List;

public record DivergenceNotedEvent(String incidentId, String divergenceId, List<String> mentalModelIds,
                                   String description, String effect) {
    public DivergenceNotedEvent {
        mentalModelIds = mentalModelIds == null ? List.of() : List.copyOf(mentalModelIds);
    }
}
