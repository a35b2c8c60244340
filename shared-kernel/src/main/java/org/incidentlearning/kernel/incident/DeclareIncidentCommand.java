package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;
import java.util.List;

/**
 * Declares an incident. {@code sourceId} is set when a client imports the incident from its own system of record:
 * declaring the same source again with the same content is then a no-op. Impact, duration and references keep what
 * the write-up said about the incident's effect and where it is documented.
 */
public record DeclareIncidentCommand(@TargetAggregateIdentifier String incidentId, String title, Severity severity,
                                     Instant startedAt, Instant detectedAt, String summary, List<String> teams,
                                     List<String> components, String sourceId, List<String> impact,
                                     Integer durationMinutes, List<String> references) {
    public DeclareIncidentCommand {
        Require.text(incidentId, "incidentId");
        Require.text(title, "title");
        Require.present(severity, "severity");
        Require.fourDigitYear(Require.present(startedAt, "startedAt"), "startedAt");
        Require.fourDigitYear(detectedAt, "detectedAt");
        teams = List.copyOf(Require.notEmpty(teams, "teams"));
        components = components == null ? List.of() : List.copyOf(components);
        impact = impact == null ? List.of() : List.copyOf(impact);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A declaration by hand: no source, impact, duration or references. */
    public DeclareIncidentCommand(String incidentId, String title, Severity severity, Instant startedAt,
                                  Instant detectedAt, String summary, List<String> teams, List<String> components) {
        this(incidentId, title, severity, startedAt, detectedAt, summary, teams, components, null, null, null, null);
    }
}
