package org.incidentlearning.query.artifact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping(IncidentPaths.INCIDENT)
@Tag(name = "Post-incident artifacts (views)")
public class ArtifactController {

    static final String CONTENT_HASH = "Artifact-Content-Hash";
    static final String TEMPLATE_VERSION = "Artifact-Template-Version";
    static final String INCIDENT_VERSION = "Artifact-Incident-Version";
    static final String PUBLISHED_HASH = "Artifact-Published-Hash";

    private final Artifacts artifacts;
    private final IncidentViews views;
    private final ViewFreshness freshness;

    public ArtifactController(Artifacts artifacts, IncidentViews views, ViewFreshness freshness) {
        this.artifacts = artifacts;
        this.views = views;
        this.freshness = freshness;
    }

    /** The JSON form of a rendering: what it was made of, and its Markdown. */
    public record RenderingJson(@Schema(pattern = PathIds.PATTERN) String incidentId,
                                @Schema(pattern = PathIds.PATTERN) String templateId, int templateVersion,
                                Audience audience, long incidentVersion,
                                @Schema(pattern = EventChain.HASH_PATTERN, maxLength = 64) String contentHash,
                                @Schema(maxLength = FieldLimits.RENDERED_DOCUMENT) String markdown) {
    }

    @GetMapping(path = "/artifacts/{templateId}", produces = {ArtifactFormat.MARKDOWN_VALUE,
            ArtifactFormat.HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    @ApiResponse(responseCode = "200", description = "The artifact, as Markdown or HTML by Accept (Markdown when "
                                                     + "either will do)",
            headers = {
                @Header(name = CONTENT_HASH, required = true, description = "SHA-256 of the Markdown rendering: what "
                        + "publishing records", schema = @Schema(type = "string", pattern = EventChain.HASH_PATTERN,
                        maxLength = 64)),
                @Header(name = TEMPLATE_VERSION, required = true, schema = @Schema(type = "integer",
                        format = "int32", minimum = "1")),
                @Header(name = INCIDENT_VERSION, required = true, schema = @Schema(type = "integer",
                        format = "int64", minimum = "1"))},
            content = {@Content(mediaType = ArtifactFormat.MARKDOWN_VALUE, schema = @Schema(type = "string",
                    maxLength = FieldLimits.RENDERED_DOCUMENT)),
                @Content(mediaType = ArtifactFormat.HTML_VALUE, schema = @Schema(type = "string",
                        maxLength = FieldLimits.RENDERED_DOCUMENT)),
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(
                        implementation = RenderingJson.class))})
    @Operation(summary = "Render a post-incident artifact from the views: a template (record-keeper, facilitator, "
                         + "signpost or a team's own) for an audience. Deterministic: the same events, template "
                         + "version and audience give the same bytes. With asOf, as the incident stood then")
    public ResponseEntity<String> render(@PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId,
                                         @PathVariable @Pattern(regexp = PathIds.PATTERN) String templateId,
                                         @RequestParam Audience audience,
                                         @RequestParam(required = false) @Min(1) @Max(Integer.MAX_VALUE)
                                         Integer templateVersion,
                                         @RequestParam(required = false)
                                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<Integer> version = Optional.ofNullable(templateVersion);
        RenderedDocument rendered = asOf == null ? artifacts.current(incidentId, templateId, version, audience)
                : artifacts.asOf(incidentId, templateId, version, audience, asOf.toInstant());
        ArtifactFormat format = ArtifactFormat.chosenBy(accept, true);
        if (format == ArtifactFormat.JSON) {
            return answer(rendered, format).body(views.write(new RenderingJson(rendered.incidentId(),
                    rendered.template().templateId(), rendered.template().version(), rendered.audience(),
                    rendered.incidentVersion(), rendered.contentHash(), rendered.markdown())));
        }
        return answer(rendered, format).body(write(format, rendered));
    }

    @GetMapping(path = "/" + IncidentPaths.PUBLISHED_ARTIFACTS + "/{artifactId}", produces = {ArtifactFormat.MARKDOWN_VALUE,
            ArtifactFormat.HTML_VALUE})
    @ApiResponse(responseCode = "200", description = "The published artifact rendered again from its recorded "
                                                     + "inputs; the two hash headers are equal when it renders as "
                                                     + "published",
            headers = {
                @Header(name = CONTENT_HASH, required = true, schema = @Schema(type = "string",
                        pattern = EventChain.HASH_PATTERN, maxLength = 64)),
                @Header(name = PUBLISHED_HASH, required = true, description = "The hash ArtifactPublished recorded",
                        schema = @Schema(type = "string", pattern = EventChain.HASH_PATTERN, maxLength = 64)),
                @Header(name = TEMPLATE_VERSION, required = true, schema = @Schema(type = "integer",
                        format = "int32", minimum = "1")),
                @Header(name = INCIDENT_VERSION, required = true, schema = @Schema(type = "integer",
                        format = "int64", minimum = "1"))},
            content = {@Content(mediaType = ArtifactFormat.MARKDOWN_VALUE, schema = @Schema(type = "string",
                    maxLength = FieldLimits.RENDERED_DOCUMENT)),
                @Content(mediaType = ArtifactFormat.HTML_VALUE, schema = @Schema(type = "string",
                        maxLength = FieldLimits.RENDERED_DOCUMENT))})
    @Operation(summary = "A published artifact, rendered again from exactly what it was rendered from (template "
                         + "version, audience, the incident's version then): what an auditor checks")
    public ResponseEntity<String> published(@PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId,
                                            @PathVariable @Pattern(regexp = PathIds.PATTERN) String artifactId,
                                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                            String accept) {
        Artifacts.Republished republished = artifacts.published(incidentId, artifactId);
        ArtifactFormat format = ArtifactFormat.chosenBy(accept, false);
        return answer(republished.rendered(), format).header(PUBLISHED_HASH, republished.publication().contentHash)
                .body(write(format, republished.rendered()));
    }

    @GetMapping(path = "/artifacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The artifacts published from this incident, in publishing order")
    public PublishedArtifactList publishedList(@PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId) {
        return new PublishedArtifactList(published(incidentId));
    }

    public record PublishedArtifactList(@Uncapped("every publication of the incident is listed")
                                        List<IncidentView.PublishedArtifact> artifacts) {
    }

    public record FacilitatorHintList(@Uncapped("one hint per flagged phrase, silent team and open end")
                                      List<FacilitatorHint> hints) {
    }

    @GetMapping(path = "/facilitator-hints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What the recorded events suggest a facilitator look at: blame and root-cause language "
                         + "(with where it occurs), teams involved but silent, teams with no mental model, "
                         + "divergences with no recorded effect, declined remediations without a revisit date, "
                         + "recurrences of declined remediations")
    public FacilitatorHintList hints(@PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId) {
        freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        freshness.awaitAll();
        return new FacilitatorHintList(FacilitatorHints.of(views.complete(incidentId)
                .orElseThrow(() -> unknown(incidentId))));
    }

    private List<IncidentView.PublishedArtifact> published(String incidentId) {
        freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        return views.artifacts(incidentId).orElseThrow(() -> unknown(incidentId));
    }

    private static String write(ArtifactFormat format, RenderedDocument rendered) {
        return format == ArtifactFormat.HTML ? rendered.html() : rendered.markdown();
    }

    private static ResponseEntity.BodyBuilder answer(RenderedDocument rendered, ArtifactFormat format) {
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(CONTENT_HASH, rendered.contentHash())
                .header(TEMPLATE_VERSION, Integer.toString(rendered.template().version()))
                .header(INCIDENT_VERSION, Long.toString(rendered.incidentVersion()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    private static IncidentRejection unknown(String incidentId) {
        return new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "No incident with id " + incidentId);
    }
}
