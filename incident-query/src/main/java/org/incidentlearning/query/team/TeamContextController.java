package org.incidentlearning.query.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    private final TeamLists lists;
    private final ViewFreshness freshness;
    private final IncidentsAsOf incidentsAsOf;

    public TeamContextController(IncidentViews views, TeamLists lists, ViewFreshness freshness,
                                 IncidentsAsOf incidentsAsOf) {
        this.views = views;
        this.lists = lists;
        this.freshness = freshness;
        this.incidentsAsOf = incidentsAsOf;
    }

    @GetMapping(path = "/api/teams/{team}/context", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A team's context across incidents: incidents, mental models, divergences involving its "
                         + "models, contexts, coordinations, remediations it owns by state (declined ones with "
                         + "rationale, accepted risk, revisit date and recurrences since), linkages. Each list is its "
                         + "first page of size items, most recent first, with counts and a next cursor per list. "
                         + "With asOf: as the team's incidents stood at that moment")
    public TeamContext context(@PathVariable @NotBlank @Size(max = FieldLimits.NAME) String team,
                               @RequestParam(required = false)
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                               @RequestParam(defaultValue = "" + TeamLists.DEFAULT_PAGE) @Min(1)
                               @Max(TeamLists.MAX_PAGE) int size) {
        freshness.awaitAll();
        return asOf == null ? lists.firstPage(team, size) : lists.firstPageAsOf(team, past(team, asOf), size);
    }

    @GetMapping(path = "/api/teams/{team}/context/{list}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The next page of one list of a team's context (incidents, mentalModels, divergences, "
                         + "contexts, coordinations, remediations or linkages), after the cursor a page answered; with "
                         + "asOf, of the context as it stood then (give the asOf the first page was read with)")
    public TeamLists.TeamListPage page(@PathVariable @NotBlank @Size(max = FieldLimits.NAME) String team,
                                       @PathVariable @Size(max = FieldLimits.NAME) String list,
                                       @RequestParam(required = false) @Size(max = TeamLists.CURSOR_LENGTH)
                                       String after,
                                       @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                       @RequestParam(defaultValue = "" + TeamLists.DEFAULT_PAGE) @Min(1)
                                       @Max(TeamLists.MAX_PAGE) int size) {
        freshness.awaitAll();
        TeamList named = TeamList.named(list);
        return asOf == null ? lists.page(team, named, after, size)
                : lists.pageAsOf(team, past(team, asOf), named, after, size);
    }

    /** The complete views of the team's incidents as they stood at that moment, where it took part then. */
    private List<IncidentView> past(String team, OffsetDateTime asOf) {
        return views.incidentIdsOfTeam(team).stream()
                .map(id -> incidentsAsOf.asOf(id, asOf.toInstant()))
                .flatMap(Optional::stream)
                .filter(view -> view.teams.contains(team))
                .toList();
    }
}
