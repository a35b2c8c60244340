package org.incidentlearning.query.team;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.incidentlearning.web.FieldLimits.LINK_END;
import static org.incidentlearning.web.FieldLimits.LIST;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;
import static org.incidentlearning.web.FieldLimits.TITLE;

/**
 * What one team learned across incidents: what it believed, where it diverged from others, the pressures it faced,
 * what it owns and decided (declined items with every recurrence since), and the links it was part of.
 */
public record TeamContext(
        @Schema(maxLength = NAME) String team,
        @Uncapped(GROWS) List<IncidentRef> incidents,
        @Uncapped(GROWS) List<MentalModel> mentalModels,
        @Uncapped(GROWS) List<Divergence> divergences,
        @Uncapped(GROWS) List<Context> contexts,
        @Uncapped(GROWS)
        List<Coordination> coordinations,
        @Uncapped(GROWS)
        List<Remediation> remediations,
        Map<RemediationState, Long> remediationsByState,
        @Uncapped(GROWS) List<Linkage> linkages) {

    /** Why the team's lists carry no cap: they gather what was recorded across all its incidents. */
    static final String GROWS = "it grows with the team's incidents";

    public record IncidentRef(@Schema(pattern = PathIds.PATTERN) String id, @Schema(maxLength = TITLE) String title,
                              Severity severity, IncidentStatus status, Instant startedAt) {
    }

    public record MentalModel(@Schema(pattern = PathIds.PATTERN) String incidentId,
                              @Schema(pattern = PathIds.PATTERN) String id,
                              @Schema(maxLength = TEXT, description = "Recorded with up to " + NAME
                                      + " characters; an amendment may make it as long as a text")
                              String subject,
                              @Schema(maxLength = TEXT) String belief, @Nullable Instant heldAt,
                              Instant recordedAt) {
    }

    public record Divergence(@Schema(pattern = PathIds.PATTERN) String incidentId,
                             @Schema(pattern = PathIds.PATTERN) String id,
                             @ArraySchema(maxItems = LIST, schema = @Schema(pattern = PathIds.PATTERN))
                             List<String> mentalModelIds,
                             @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME)) List<String> teams,
                             @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME)) List<String> withTeams,
                             @Schema(maxLength = TEXT) String description, @Schema(maxLength = TEXT) String effect) {
    }

    public record Context(@Schema(pattern = PathIds.PATTERN) String incidentId,
                          @Schema(pattern = PathIds.PATTERN) String id,
                          @Schema(implementation = ContextKind.class) String kind,
                          @Schema(maxLength = TEXT) String description) {
    }

    public record Coordination(@Schema(pattern = PathIds.PATTERN) String incidentId,
                               @Schema(pattern = PathIds.PATTERN) String id,
                               @Schema(maxLength = NAME) String team,
                               @Schema(implementation = CoordinationKind.class) String kind,
                               @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME))
                               List<String> withTeams,
                               @Schema(maxLength = TEXT) String description, @Nullable Instant occurredAt) {
    }

    public record Remediation(@Schema(pattern = PathIds.PATTERN) String incidentId,
                              @Schema(pattern = PathIds.PATTERN) String id,
                              @Schema(maxLength = TEXT) String description, RemediationState state,
                              @Nullable RemediationPriority priority, @Nullable LocalDate dueBy,
                              @Nullable @Schema(maxLength = TEXT) String rationale,
                              @Nullable @Schema(maxLength = TEXT) String acceptedRisk, @Nullable LocalDate revisitBy,
                              @Nullable Instant declinedAt, @Nullable @Schema(maxLength = TEXT) String completionNote,
                              @Uncapped("every later incident that recurred it")
                              List<IncidentView.Recurrence> recurrences) {
    }

    public record Linkage(@Schema(pattern = PathIds.PATTERN) String incidentId,
                          @Schema(pattern = PathIds.PATTERN) String id, LinkageKind kind,
                          @Schema(maxLength = LINK_END) String from, @Schema(maxLength = LINK_END) String to,
                          @Schema(maxLength = TEXT) String description,
                          @Nullable @Schema(maxLength = TEXT) String condition, boolean believedAbsent) {
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
