package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;
import java.util.List;

public record DeclareIncidentCommand(@TargetAggregateIdentifier String incidentId, String title, Severity severity,
                                     Instant startedAt, Instant detectedAt, String summary, List<String> teams,
                                     List<String> components) {
    public DeclareIncidentCommand {
        Require.text(incidentId, "incidentId");
        Require.text(title, "title");
        Require.present(severity, "severity");
        Require.present(startedAt, "startedAt");
        teams = List.copyOf(Require.notEmpty(teams, "teams"));
        components = components == null ? List.of() : List.copyOf(components);
    }
}
