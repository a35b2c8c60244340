package org.incidentlearning.kernel.artifact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.util.List;

/** A team defines a template of its own: its archetype, the sections in their order, and its prompts. */
public record DefineTemplateCommand(@TargetAggregateIdentifier String templateId, String name, Archetype archetype,
                                    List<ArtifactSection> sections, List<String> prompts, String team) {
    public DefineTemplateCommand {
        Require.text(templateId, "templateId");
        if (BuiltInTemplates.isBuiltIn(templateId)) {
            throw new IncidentRejection(ErrorCode.TEMPLATE_BUILT_IN,
                    "Template id '" + templateId + "' belongs to a built-in template; choose another id");
        }
        Require.text(team, "team");
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        TemplateDefinition.check(name, archetype, sections, prompts);
        sections = List.copyOf(sections);
    }
}
