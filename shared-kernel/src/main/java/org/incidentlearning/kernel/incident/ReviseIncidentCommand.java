package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.util.List;

/**
 * A later account of the same incident (a second write-up, a better title): a new title or summary replaces the old
 * one, teams and components accumulate. What is already so changes nothing.
 */
public record ReviseIncidentCommand(@TargetAggregateIdentifier String incidentId, String title, String summary,
                                    List<String> addTeams, List<String> addComponents, String reason) {
    public ReviseIncidentCommand {
        Require.text(incidentId, "incidentId");
        Require.text(reason, "reason");
        addTeams = addTeams == null ? List.of() : List.copyOf(addTeams);
        addComponents = addComponents == null ? List.of() : List.copyOf(addComponents);
    }
}
