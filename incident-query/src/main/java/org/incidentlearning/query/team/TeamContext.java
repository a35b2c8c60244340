package org.incidentlearning.query.team;

import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.incident.IncidentView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one team learned across incidents: what it believed, where it diverged from others, the pressures it faced,
 * what it owns and decided (declined items with every recurrence since), and the links it was part of.
 */
public record TeamContext(String team, List<IncidentRef> incidents, List<MentalModel> mentalModels,
                          List<Divergence> divergences, List<Context> contexts, List<Coordination> coordinations,
                          List<Remediation> remediations, Map<RemediationState, Long> remediationsByState,
                          List<Linkage> linkages) {

    public record IncidentRef(String id, String title, Severity severity, IncidentStatus status, Instant startedAt) {
    }

    public record MentalModel(String incidentId, String id, String subject, String belief, Instant heldAt,
                              Instant recordedAt) {
    }

    public record Divergence(String incidentId, String id, List<String> mentalModelIds, List<String> teams,
                             List<String> withTeams, String description, String effect) {
    }

    public record Context(String incidentId, String id, String kind, String description) {
    }

    public record Coordination(String incidentId, String id, String team, String kind, List<String> withTeams,
                               String description, Instant occurredAt) {
    }

    public record Remediation(String incidentId, String id, String description, RemediationState state,
                              RemediationPriority priority, LocalDate dueBy, String rationale, String acceptedRisk,
                              LocalDate revisitBy, Instant declinedAt, String completionNote,
                              List<IncidentView.Recurrence> recurrences) {
    }

    public record Linkage(String incidentId, String id, LinkageKind kind, String from, String to, String description,
                          String condition, boolean believedAbsent) {
    }

    /** Folds the complete views of the team's incidents into its context. */
    public static TeamContext of(String team, List<IncidentView> views) {
        List<IncidentRef> incidents = new ArrayList<>();
        List<MentalModel> models = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        List<Context> contexts = new ArrayList<>();
        List<Coordination> coordinations = new ArrayList<>();
        List<Remediation> remediations = new ArrayList<>();
        List<Linkage> linkages = new ArrayList<>();
        for (IncidentView view : views) {
            incidents.add(new IncidentRef(view.id, view.title, view.severity, view.status, view.startedAt));
            List<String> ownModels = new ArrayList<>();
            view.mentalModels.stream().filter(m -> team.equals(m.team)).forEach(m -> {
                ownModels.add(m.id);
                models.add(new MentalModel(view.id, m.id, m.subject, m.belief, m.heldAt, m.recordedAt));
            });
            view.divergences.stream().filter(d -> d.mentalModelIds.stream().anyMatch(ownModels::contains))
                    .forEach(d -> divergences.add(new Divergence(view.id, d.id, d.mentalModelIds, d.teams,
                            d.teams.stream().filter(other -> !other.equals(team)).toList(), d.description,
                            d.effect)));
            view.contexts.stream().filter(c -> team.equals(c.team))
                    .forEach(c -> contexts.add(new Context(view.id, c.id, c.kind, c.description)));
            view.coordinations.stream().filter(c -> team.equals(c.team) || c.withTeams.contains(team))
                    .forEach(c -> coordinations.add(new Coordination(view.id, c.id, c.team, c.kind, c.withTeams,
                            c.description, c.occurredAt)));
            view.remediations.stream().filter(r -> team.equals(r.team))
                    .forEach(r -> remediations.add(new Remediation(view.id, r.id, r.description, r.state,
                            r.priority, r.dueBy, r.rationale, r.acceptedRisk, r.revisitBy, r.declinedAt,
                            r.completionNote, r.recurrences)));
            view.linkages.stream()
                    .filter(l -> l.kind == LinkageKind.TECHNICAL || team.equals(l.from) || team.equals(l.to))
                    .forEach(l -> linkages.add(new Linkage(view.id, l.id, l.kind, l.from, l.to, l.description,
                            l.condition, l.believedAbsent)));
        }
        Map<RemediationState, Long> byState = new TreeMap<>();
        for (RemediationState state : RemediationState.values()) {
            byState.put(state, remediations.stream().filter(r -> r.state() == state).count());
        }
        return new TeamContext(team, incidents, models, divergences, contexts, coordinations, remediations, byState,
                linkages);
    }
}
