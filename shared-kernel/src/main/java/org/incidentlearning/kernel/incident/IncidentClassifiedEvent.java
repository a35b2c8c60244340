package org.incidentlearning.kernel.incident;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record IncidentClassifiedEvent(String incidentId, List<String> labels) {
    public IncidentClassifiedEvent {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
