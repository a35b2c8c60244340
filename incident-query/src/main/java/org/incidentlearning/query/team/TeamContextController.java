package org.incidentlearning.query.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.IncidentsAsOf;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.web.FieldLimits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@RestController
@Tag(name = "Teams (views)")
public class TeamContextController {

    private final IncidentViews views;
    private final ViewFreshness freshness;
    private final IncidentsAsOf incidentsAsOf;

    public TeamContextController(IncidentViews views, ViewFreshness freshness, IncidentsAsOf incidentsAsOf) {
        this.views = views;
        this.freshness = freshness;
        this.incidentsAsOf = incidentsAsOf;
    }

    @GetMapping(path = "/api/teams/{team}/context", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A team's context across incidents: incidents, mental models, divergences involving its "
                         + "models, contexts, coordinations, remediations it owns by state (declined ones with "
                         + "rationale, accepted risk, revisit date and recurrences since), linkages. With asOf: "
                         + "as the team's incidents stood at that moment")
    public TeamContext context(@PathVariable @NotBlank @Size(max = FieldLimits.NAME) String team,
                               @RequestParam(required = false)
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        freshness.awaitAll();
        if (asOf == null) {
            return TeamContext.of(team, views.ofTeam(team));
        }
        List<IncidentView> past = views.incidentIdsOfTeam(team).stream()
                .map(id -> incidentsAsOf.asOf(id, asOf.toInstant()))
                .flatMap(Optional::stream)
                .filter(view -> view.teams.contains(team))
                .toList();
        return TeamContext.of(team, past);
    }
}
