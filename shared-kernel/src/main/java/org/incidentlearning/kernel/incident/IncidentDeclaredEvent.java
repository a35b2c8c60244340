package org.incidentlearning.kernel.incident;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An incident happened: when it started (not when it was recorded), its impact, the teams and components in it. */
@Revision("2")
public record IncidentDeclaredEvent(String incidentId, String title, Severity severity, Instant startedAt,
                                    Instant detectedAt, String summary, List<String> teams, List<String> components,
                                    String sourceId, List<String> impact, Integer durationMinutes,
                                    List<String> references) {
    public IncidentDeclaredEvent {
        teams = teams == null ? List.of() : List.copyOf(teams);
        components = components == null ? List.of() : List.copyOf(components);
        impact = impact == null ? List.of() : List.copyOf(impact);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A declaration by hand: no source, impact, duration or references. */
    public IncidentDeclaredEvent(String incidentId, String title, Severity severity, Instant startedAt,
                                 Instant detectedAt, String summary, List<String> teams, List<String> components) {
        this(incidentId, title, severity, startedAt, detectedAt, summary, teams, components, null, null, null, null);
    }
}
