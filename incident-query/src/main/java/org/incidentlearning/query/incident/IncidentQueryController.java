package org.incidentlearning.query.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.PageOf;
import org.incidentlearning.web.PathIds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import static org.incidentlearning.web.FieldLimits.VERSION_TAG_LENGTH;
import static org.incidentlearning.web.FieldLimits.VERSION_TAG_PATTERN;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENTS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents (views)")
public class IncidentQueryController {

    static final String ID_PATTERN = PathIds.PATTERN;

    private static final Map<String, PartSection> COLLECTIONS = Map.of(
            IncidentPaths.TIMELINE_ENTRIES, PartSection.TIMELINE_ENTRY,
            IncidentPaths.MENTAL_MODELS, PartSection.MENTAL_MODEL,
            IncidentPaths.DIVERGENCES, PartSection.DIVERGENCE,
            IncidentPaths.CONTEXTS, PartSection.CONTEXT,
            IncidentPaths.COORDINATIONS, PartSection.COORDINATION,
            IncidentPaths.LINKAGES, PartSection.LINKAGE,
            IncidentPaths.REMEDIATIONS, PartSection.REMEDIATION,
            IncidentPaths.RECURRENCES, PartSection.RECURRENCE_OF);

    private final IncidentViews views;
    private final ViewFreshness freshness;
    private final IncidentsAsOf incidentsAsOf;

    public IncidentQueryController(IncidentViews views, ViewFreshness freshness, IncidentsAsOf incidentsAsOf) {
        this.views = views;
        this.freshness = freshness;
        this.incidentsAsOf = incidentsAsOf;
    }

    @GetMapping
    @Operation(summary = "Incident summaries, newest start first; filter by team, component and status")
    public PageOf<IncidentSummary> list(@RequestParam(required = false) @Size(max = FieldLimits.NAME) String team,
                                        @RequestParam(required = false) @Size(max = FieldLimits.NAME) String component,
                                        @RequestParam(required = false) IncidentStatus status,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        freshness.awaitAll();
        return views.list(new IncidentFilter(team, component, status), page, size);
    }

    @GetMapping("/{incidentId}")
    @ApiResponse(responseCode = "200", description = "The incident view; ETag names the version it reflects",
            headers = @Header(name = "ETag", required = true, schema = @Schema(type = "string",
                    pattern = VERSION_TAG_PATTERN, maxLength = VERSION_TAG_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = IncidentView.class)))
    @ApiResponse(responseCode = "503", description = "The incident's events are stored but its view is still being "
                                                     + "built; retry shortly",
            headers = @Header(name = "Retry-After", required = true, schema = @Schema(type = "integer",
                    format = "int64", minimum = "1", maximum = "1")),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(summary = "The incident view: timeline by occurrence, mental models, divergences, contexts, "
                         + "coordinations, linkages, remediations with their decisions, corrections. With asOf "
                         + "(a timestamp): the view built from the events recorded up to that moment")
    public ResponseEntity<String> incident(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        if (asOf != null) {
            IncidentView past = incidentsAsOf.asOf(incidentId, asOf.toInstant()).orElseThrow(() ->
                    new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "Incident " + incidentId
                            + " had not been declared as of " + asOf));
            return ResponseEntity.ok().eTag(Long.toString(past.version)).body(views.write(past));
        }
        long stored = freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        // Other incidents' events change this view too (a recurrence of its declined remediation).
        freshness.awaitAll();
        String document = views.document(incidentId).orElseThrow(() -> new IncidentRejection(
                ErrorCode.VIEW_NOT_READY, "Incident " + incidentId + " has " + stored
                + " stored events but its view is still being built; retry shortly"));
        return ResponseEntity.ok().eTag(Long.toString(views.version(incidentId))).body(document);
    }

    @GetMapping("/{incidentId}/{collection}/{entryId}")
    @ApiResponse(responseCode = "200", description = "The entry; ETag names the incident's version",
            headers = @Header(name = "ETag", required = true, schema = @Schema(type = "string",
                    pattern = VERSION_TAG_PATTERN, maxLength = VERSION_TAG_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(
                    description = "One entry as the incident view shows it, of the kind the collection holds",
                    anyOf = {IncidentView.TimelineEntry.class, IncidentView.MentalModel.class,
                        IncidentView.Divergence.class, IncidentView.Context.class, IncidentView.Coordination.class,
                        IncidentView.Linkage.class, IncidentView.Remediation.class, IncidentView.Recurrence.class})))
    @Operation(summary = "One recorded entry of an incident, as the incident view shows it")
    public ResponseEntity<String> entry(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                        @PathVariable String collection,
                                        @PathVariable @Pattern(regexp = ID_PATTERN) String entryId) {
        PartSection section = COLLECTIONS.get(collection);
        if (section == null) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_ENTRY, "Incidents have no collection '" + collection
                    + "'; known: " + COLLECTIONS.keySet().stream().sorted().toList());
        }
        freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        freshness.awaitAll();
        long version = views.version(incidentId);
        Object found = views.entry(incidentId, section, entryId)
                .orElseThrow(() -> new IncidentRejection(ErrorCode.UNKNOWN_ENTRY,
                        "Incident " + incidentId + " has no " + collection + " entry " + entryId));
        return ResponseEntity.ok().eTag(Long.toString(version)).body(views.write(found));
    }

    /** The collections an entry is read from, as they appear in paths. */
    public static Set<String> collections() {
        return COLLECTIONS.keySet();
    }

    private static IncidentRejection unknown(String incidentId) {
        return new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "No incident with id " + incidentId);
    }
}
