package org.incidentlearning.query.artifact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.query.learning.LearningProjection;
import org.incidentlearning.web.PathIds;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/templates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Artifact templates (views)")
public class TemplateQueryController {

    private final TemplateCatalog catalog;
    private final ViewFreshness freshness;

    public TemplateQueryController(TemplateCatalog catalog, ViewFreshness freshness) {
        this.catalog = catalog;
        this.freshness = freshness;
    }

    @GetMapping
    @Operation(summary = "Every template at its latest version: the three built-in ones (record-keeper, "
                         + "facilitator, signpost), then the teams' own by id")
    public TemplateView.TemplateList templates() {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        return new TemplateView.TemplateList(catalog.latestOfEach().stream().map(TemplateView::of).toList());
    }

    @GetMapping("/{templateId}/versions")
    @Operation(summary = "Every version of a template, oldest first, each with its last-modified time")
    public TemplateView.TemplateVersions versions(@PathVariable @Pattern(regexp = PathIds.PATTERN) String templateId) {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        List<TemplateDefinition> versions = catalog.versions(templateId);
        if (versions.isEmpty()) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_TEMPLATE, "No template " + templateId);
        }
        return new TemplateView.TemplateVersions(templateId, versions.stream().map(TemplateView::of).toList());
    }
}
