package org.incidentlearning.kernel.incident;

import java.util.List;

public record IncidentClassifiedEvent(String incidentId, List<String> labels) {
    public IncidentClassifiedEvent {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
