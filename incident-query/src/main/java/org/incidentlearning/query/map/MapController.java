package org.incidentlearning.query.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.query.learning.LearningProjection;
import org.incidentlearning.web.ApiDocumentation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Socio-technical map (views)")
public class MapController {

    /** The media types of the map as text, for tools that draw graphs. */
    public static final String DOT = "text/vnd.graphviz";
    public static final String MERMAID = "text/vnd.mermaid";
    private static final String GROWS = ApiDocumentation.UNCAPPED + "it grows with the links found";

    private final SocioTechnicalMap map;
    private final ViewFreshness freshness;

    public MapController(SocioTechnicalMap map, ViewFreshness freshness) {
        this.map = map;
        this.freshness = freshness;
    }

    @GetMapping("/api/map")
    @ApiResponse(responseCode = "200", description = "The map: as JSON, or as Graphviz DOT or Mermaid text (format)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SocioTechnicalMap.Graph.class)),
                @Content(mediaType = DOT, schema = @Schema(type = "string", description = "Graphviz DOT. "
                                                                                          + GROWS)),
                @Content(mediaType = MERMAID, schema = @Schema(type = "string", description = "A Mermaid flowchart. "
                                                                                              + GROWS))})
    @Operation(summary = "Components and teams with every link incidents revealed (condition, believed-absent, "
                         + "discoveredIn). format=json (default), dot (Graphviz) or mermaid; kind=TECHNICAL|SOCIAL")
    public ResponseEntity<?> map(@RequestParam(defaultValue = "json")
                                 @Parameter(schema = @Schema(allowableValues = {"json", "dot", "mermaid"}))
                                 String format,
                                 @RequestParam(required = false)
                                 @Parameter(schema = @Schema(allowableValues = {"TECHNICAL", "SOCIAL"})) String kind) {
        if (kind != null && !kind.equals("TECHNICAL") && !kind.equals("SOCIAL")) {
            throw IncidentRejection.invalid("'kind' must be TECHNICAL or SOCIAL, got '" + kind + "'");
        }
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        SocioTechnicalMap.Graph graph = map.graph(kind);
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(graph);
            case "dot" -> ResponseEntity.ok().contentType(MediaType.parseMediaType(DOT))
                    .body(SocioTechnicalMap.dot(graph));
            case "mermaid" -> ResponseEntity.ok().contentType(MediaType.parseMediaType(MERMAID))
                    .body(SocioTechnicalMap.mermaid(graph));
            default -> throw IncidentRejection.invalid("'format' must be json, dot or mermaid, got '" + format + "'");
        };
    }
}
