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
import java.util.List;
import java.util.Map;

import static org.incidentlearning.web.FieldLimits.LINK_END;
import static org.incidentlearning.web.FieldLimits.LIST;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;
import static org.incidentlearning.web.FieldLimits.TITLE;

/**
 * What one team learned across incidents: what it believed, where it diverged from others, the pressures it faced,
 * what it owns and decided (declined items with every recurrence since), and the links it was part of. Each list is
 * its first page, most recent first; {@code counts} says how many there are in all and {@code next} where each list
 * goes on ({@code GET /api/teams/{team}/context/{list}?after=}), for the lists that go on.
 */
public record TeamContext(
        @Schema(maxLength = NAME) String team,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<IncidentRef> incidents,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<MentalModel> mentalModels,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<Divergence> divergences,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<Context> contexts,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<Coordination> coordinations,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<Remediation> remediations,
        Map<RemediationState, Long> remediationsByState,
        @ArraySchema(maxItems = TeamLists.MAX_PAGE) List<Linkage> linkages,
        @Schema(description = "How many items each list has in all") Map<TeamList, Long> counts,
        @Schema(description = "The cursor (after=) to the next page of each list that goes on past its first page")
        Map<TeamList, String> next) {

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

        static MentalModel of(String incidentId, IncidentView.MentalModel m) {
            return new MentalModel(incidentId, m.id, m.subject, m.belief, m.heldAt, m.recordedAt);
        }
    }

    public record Divergence(@Schema(pattern = PathIds.PATTERN) String incidentId,
                             @Schema(pattern = PathIds.PATTERN) String id,
                             @ArraySchema(maxItems = LIST, schema = @Schema(pattern = PathIds.PATTERN))
                             List<String> mentalModelIds,
                             @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME)) List<String> teams,
                             @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME)) List<String> withTeams,
                             @Schema(maxLength = TEXT) String description, @Schema(maxLength = TEXT) String effect) {

        static Divergence of(String team, String incidentId, IncidentView.Divergence d) {
            return new Divergence(incidentId, d.id, d.mentalModelIds, d.teams,
                    d.teams.stream().filter(other -> !other.equals(team)).toList(), d.description, d.effect);
        }
    }

    public record Context(@Schema(pattern = PathIds.PATTERN) String incidentId,
                          @Schema(pattern = PathIds.PATTERN) String id,
                          @Schema(implementation = ContextKind.class) String kind,
                          @Schema(maxLength = TEXT) String description) {

        static Context of(String incidentId, IncidentView.Context c) {
            return new Context(incidentId, c.id, c.kind, c.description);
        }
    }

    public record Coordination(@Schema(pattern = PathIds.PATTERN) String incidentId,
                               @Schema(pattern = PathIds.PATTERN) String id,
                               @Schema(maxLength = NAME) String team,
                               @Schema(implementation = CoordinationKind.class) String kind,
                               @ArraySchema(maxItems = LIST, schema = @Schema(maxLength = NAME))
                               List<String> withTeams,
                               @Schema(maxLength = TEXT) String description, @Nullable Instant occurredAt) {

        static Coordination of(String incidentId, IncidentView.Coordination c) {
            return new Coordination(incidentId, c.id, c.team, c.kind, c.withTeams, c.description, c.occurredAt);
        }
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

        static Remediation of(String incidentId, IncidentView.Remediation r) {
            return new Remediation(incidentId, r.id, r.description, r.state, r.priority, r.dueBy, r.rationale,
                    r.acceptedRisk, r.revisitBy, r.declinedAt, r.completionNote, r.recurrences);
        }
    }

    public record Linkage(@Schema(pattern = PathIds.PATTERN) String incidentId,
                          @Schema(pattern = PathIds.PATTERN) String id, LinkageKind kind,
                          @Schema(maxLength = LINK_END) String from, @Schema(maxLength = LINK_END) String to,
                          @Schema(maxLength = TEXT) String description,
                          @Nullable @Schema(maxLength = TEXT) String condition, boolean believedAbsent) {

        static Linkage of(String incidentId, IncidentView.Linkage l) {
            return new Linkage(incidentId, l.id, l.kind, l.from, l.to, l.description, l.condition, l.believedAbsent);
        }
    }
}
