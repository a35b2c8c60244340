package org.incidentlearning.query.artifact;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/** One version of a template as the API shows it; built-in ones have no team. */
public record TemplateView(@Schema(pattern = PathIds.PATTERN) String templateId,
                           @Schema(minimum = "1") int version,
                           @Schema(maxLength = FieldLimits.TITLE) String name,
                           Archetype archetype,
                           @ArraySchema(maxItems = 13) List<ArtifactSection> sections,
                           @ArraySchema(maxItems = 50, schema = @Schema(maxLength = FieldLimits.TEXT))
                           List<String> prompts,
                           @Nullable @Schema(maxLength = FieldLimits.NAME) String team,
                           Instant modifiedAt,
                           boolean builtIn) {

    static TemplateView of(TemplateDefinition template) {
        return new TemplateView(template.templateId(), template.version(), template.name(), template.archetype(),
                template.sections(), template.prompts(), template.team(), template.modifiedAt(), template.builtIn());
    }

    /** Every template at its latest version. */
    public record TemplateList(@Uncapped("it grows with the templates teams define") List<TemplateView> templates) {
    }

    /** Every version of one template, oldest first. */
    public record TemplateVersions(@Schema(pattern = PathIds.PATTERN) String templateId,
                                   @Uncapped("it grows with the template's revisions") List<TemplateView> versions) {
    }
}
