package org.incidentlearning.query.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.ViewFreshness;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Teams (views)")
public class TeamContextController {

    private final IncidentViews views;
    private final ViewFreshness freshness;

    public TeamContextController(IncidentViews views, ViewFreshness freshness) {
        this.views = views;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/teams/{team}/context", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A team's context across incidents: incidents, mental models, divergences involving its "
                         + "models, contexts, coordinations, remediations it owns by state (declined ones with "
                         + "rationale, accepted risk, revisit date and recurrences since), linkages")
    public TeamContext context(@PathVariable @NotBlank @Size(max = 100) String team) {
        freshness.awaitAll();
        return TeamContext.of(team, views.ofTeam(team));
    }
}
