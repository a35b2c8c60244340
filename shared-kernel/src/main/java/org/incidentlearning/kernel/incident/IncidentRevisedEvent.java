package org.incidentlearning.kernel.incident;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Only what changed: a null title or summary was left as it was; the added teams and components are new ones. */
@Revision("1")
public record IncidentRevisedEvent(String incidentId, String title, String summary, List<String> addedTeams,
                                   List<String> addedComponents, String reason) {
    public IncidentRevisedEvent {
        addedTeams = addedTeams == null ? List.of() : List.copyOf(addedTeams);
        addedComponents = addedComponents == null ? List.of() : List.copyOf(addedComponents);
    }
}
