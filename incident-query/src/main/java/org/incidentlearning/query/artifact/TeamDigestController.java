package org.incidentlearning.query.artifact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.query.learning.LearningProjection;
import org.incidentlearning.query.learning.RemediationLedger;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Teams (views)")
public class TeamDigestController {

    /** Incidents in one digest; a longer period is read in parts. */
    static final int MAX_INCIDENTS = 500;
    /** Open or declined items listed; a team with more has a ledger to read instead. */
    static final int MAX_ITEMS = 500;

    private final IncidentViews views;
    private final RemediationLedger ledger;
    private final ViewFreshness freshness;

    public TeamDigestController(IncidentViews views, RemediationLedger ledger, ViewFreshness freshness) {
        this.views = views;
        this.ledger = ledger;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/teams/{team}/digest", produces = {ArtifactFormat.MARKDOWN_VALUE,
            ArtifactFormat.HTML_VALUE})
    @ApiResponse(responseCode = "200", description = "The digest, as Markdown or HTML by Accept",
            content = {@Content(mediaType = ArtifactFormat.MARKDOWN_VALUE, schema = @Schema(type = "string",
                    maxLength = FieldLimits.RENDERED_DOCUMENT)),
                @Content(mediaType = ArtifactFormat.HTML_VALUE, schema = @Schema(type = "string",
                        maxLength = FieldLimits.RENDERED_DOCUMENT))})
    @Operation(summary = "A team's digest for a period [from, to): its incidents, what it believed and where beliefs "
                         + "diverged, hidden links found, its hot spots, its open and declined items; for the "
                         + "team's knowledge base")
    public ResponseEntity<String> digest(@PathVariable @NotBlank @Size(max = FieldLimits.NAME) String team,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!from.isBefore(to)) {
            throw IncidentRejection.invalid("from (" + from + ") must be before to (" + to + ")");
        }
        freshness.awaitAll();
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        List<IncidentView> incidents = views.ofTeamStartedBetween(team, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant(), MAX_INCIDENTS + 1);
        boolean more = incidents.size() > MAX_INCIDENTS;
        List<RemediationLedger.Item> open = new ArrayList<>(items(team, RemediationState.PROPOSED));
        open.addAll(items(team, RemediationState.PRIORITIZED));
        ArtifactDocument document = TeamDigest.compose(team, from, to,
                more ? incidents.subList(0, MAX_INCIDENTS) : incidents, more, open,
                items(team, RemediationState.DECLINED));
        ArtifactFormat format = ArtifactFormat.chosenBy(accept, false);
        return ResponseEntity.ok().contentType(format.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(format == ArtifactFormat.HTML ? HtmlWriting.write(document) : MarkdownWriting.write(document));
    }

    private List<RemediationLedger.Item> items(String team, RemediationState state) {
        PageOf<RemediationLedger.Item> page = ledger.items(team, state, 0, MAX_ITEMS);
        return page.items();
    }
}
