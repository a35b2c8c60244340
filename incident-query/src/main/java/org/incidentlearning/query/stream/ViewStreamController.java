package org.incidentlearning.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.hotspot.HotspotTimeline;
import org.incidentlearning.query.hotspot.TimeBucket;
import org.incidentlearning.query.incident.IncidentViewProjection;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.learning.LearningProjection;
import org.incidentlearning.query.map.SocioTechnicalMap;
import org.incidentlearning.query.team.TeamLists;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.ServiceHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Locale;
import java.util.function.Supplier;

@RestController
@Tag(name = "Live views (stream)")
public class ViewStreamController {

    private final ViewStream stream;
    private final HotspotTimeline hotspots;
    private final SocioTechnicalMap map;
    private final IncidentViews incidents;
    private final TeamLists teamLists;
    private final ObjectMapper json;

    public ViewStreamController(ViewStream stream, HotspotTimeline hotspots, SocioTechnicalMap map,
                                IncidentViews incidents, TeamLists teamLists, ObjectMapper json) {
        this.stream = stream;
        this.teamLists = teamLists;
        this.hotspots = hotspots;
        this.map = map;
        this.incidents = incidents;
        this.json = json;
    }

    @GetMapping(path = "/api/stream/{view}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "Server-Sent Events: each event is named after the view, carries "
                                                     + "the whole view as JSON and has the projection's position as "
                                                     + "its id; a comment every 15 s keeps proxies from closing it",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    maxLength = Integer.MAX_VALUE, description = "Not capped: a stream, open until the client "
                                                                 + "leaves")))
    @Operation(summary = "A view, live: hotspots (by, bucket), map, team-context (team) or incident (id). The "
                         + "current view first, then again whenever it changes. Reconnect with Last-Event-ID to "
                         + "skip the first message when nothing changed since")
    public SseEmitter stream(@PathVariable @Pattern(regexp = "^[a-z-]{1,20}$") String view,
                             @RequestParam(required = false) @Pattern(regexp = "^(component|team)$") String by,
                             @RequestParam(required = false) @Pattern(regexp = "^(week|month|year)$") String bucket,
                             @RequestParam(required = false) @Size(max = FieldLimits.NAME) String team,
                             @RequestParam(required = false) @Pattern(regexp = PathIds.PATTERN) String id,
                             @RequestHeader(name = ServiceHeaders.LAST_EVENT_ID, required = false) @Size(max = 20)
                             String lastEventId) {
        SseEmitter emitter = switch (view) {
            case "hotspots" -> open(view, IncidentViewProjection.PROCESSING_GROUP, () -> hotspots.hotspots(
                    "team".equals(by) ? HotspotTimeline.Dimension.TEAM : HotspotTimeline.Dimension.COMPONENT,
                    TimeBucket.valueOf((bucket == null ? "month" : bucket).toUpperCase(Locale.ROOT)), null, null),
                    lastEventId);
            case "map" -> open(view, LearningProjection.PROCESSING_GROUP, () -> map.graph(null), lastEventId);
            case "team-context" -> {
                if (team == null || team.isBlank()) {
                    throw IncidentRejection.invalid("The team-context stream needs ?team=");
                }
                yield open(view, IncidentViewProjection.PROCESSING_GROUP,
                        () -> teamLists.firstPage(team, TeamLists.DEFAULT_PAGE), lastEventId);
            }
            case "incident" -> {
                if (id == null || !incidents.exists(id)) {
                    throw new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "The incident stream needs the ?id= of "
                            + "an incident whose view exists");
                }
                yield openDocument(id, lastEventId);
            }
            default -> throw new IncidentRejection(ErrorCode.UNKNOWN_ENTRY, "No stream '" + view
                    + "'; there are hotspots, map, team-context and incident");
        };
        if (emitter == null) {
            throw new IncidentRejection(ErrorCode.STORE_BUSY, "Too many open streams; retry shortly");
        }
        return emitter;
    }

    private SseEmitter open(String view, String processor, Supplier<Object> render, String lastEventId) {
        return stream.open(view, processor, () -> write(render.get()), lastEventId);
    }

    private SseEmitter openDocument(String id, String lastEventId) {
        return stream.open("incident", IncidentViewProjection.PROCESSING_GROUP,
                () -> incidents.document(id).orElse("{}"), lastEventId);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a view as JSON", e);
        }
    }
}
