package org.incidentlearning.query.learning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Learning (views)")
public class LearningController {

    private final RemediationLedger ledger;
    private final LearningLens lens;
    private final KnowledgeSearch search;
    private final ViewFreshness freshness;

    public LearningController(RemediationLedger ledger, LearningLens lens, KnowledgeSearch search,
                              ViewFreshness freshness) {
        this.ledger = ledger;
        this.lens = lens;
        this.search = search;
        this.freshness = freshness;
    }

    @GetMapping(path = "/api/remediations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The remediation ledger: every item and decision across incidents, by team and state")
    public PageOf<RemediationLedger.Item> remediations(
            @RequestParam(required = false) @Size(max = FieldLimits.NAME) String team,
            @RequestParam(required = false) RemediationState state,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        return ledger.items(team, state, page, size);
    }

    @GetMapping(path = "/api/learning/lens", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Classification buckets over the years, and per team how often its recorded text uses "
                         + "\"root cause\" and blame phrasing (per 100 entries, with examples)")
    public LearningLens.Lens lens() {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        return lens.lens();
    }

    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Full-text search over everything recorded; every word of q must occur")
    public PageOf<KnowledgeSearch.Hit> search(@RequestParam @NotBlank @Size(min = 2, max = 200) String q,
                                              @RequestParam(required = false) @Size(max = FieldLimits.NAME) String team,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(PageOf.MAX_SIZE)
                                              int size) {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        return search.search(q, team, page, size);
    }
}
