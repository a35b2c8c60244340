package org.incidentlearning.kernel.artifact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.util.List;

/** A new version of a team's template; its archetype stays what it was defined as. */
public record ReviseTemplateCommand(@TargetAggregateIdentifier String templateId, String name,
                                    List<ArtifactSection> sections, List<String> prompts, String reason) {
    public ReviseTemplateCommand {
        Require.text(templateId, "templateId");
        if (BuiltInTemplates.isBuiltIn(templateId)) {
            throw new IncidentRejection(ErrorCode.TEMPLATE_BUILT_IN, "Template '" + templateId + "' is built in and "
                    + "stays as shipped; define a template of your own from it instead");
        }
        Require.text(name, "name");
        Require.notEmpty(sections, "sections");
        sections = List.copyOf(sections);
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
    }
}
