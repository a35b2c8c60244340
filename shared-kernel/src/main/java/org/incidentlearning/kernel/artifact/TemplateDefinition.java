package org.incidentlearning.kernel.artifact;

import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One version of a template, as rendering uses it. */
public record TemplateDefinition(String templateId, int version, String name, Archetype archetype,
                                 List<ArtifactSection> sections, List<String> prompts, String team,
                                 Instant modifiedAt, boolean builtIn) {

    public TemplateDefinition {
        Require.text(templateId, "templateId");
        Require.present(modifiedAt, "modifiedAt");
        sections = List.copyOf(sections);
        prompts = List.copyOf(prompts);
    }

    /**
     * The rules every version of a template keeps: a name, at least one section, each section once and allowed in
     * the archetype, and prompts only where the template has a place for them.
     */
    public static void check(String name, Archetype archetype, List<ArtifactSection> sections, List<String> prompts) {
        Require.text(name, "name");
        Require.present(archetype, "archetype");
        Require.notEmpty(sections, "sections");
        Require.present(prompts, "prompts");
        Set<ArtifactSection> seen = new HashSet<>();
        for (ArtifactSection section : sections) {
            Require.present(section, "sections[]");
            if (!seen.add(section)) {
                throw IncidentRejection.invalid("sections lists " + section + " twice");
            }
            if (!archetype.allowedSections().contains(section)) {
                throw IncidentRejection.invalid("A " + archetype + " template has no " + section + " section; "
                        + "allowed: " + archetype.allowedSections());
            }
        }
        prompts.forEach(prompt -> Require.text(prompt, "prompts[]"));
        if (!prompts.isEmpty() && !seen.contains(ArtifactSection.PROMPTS)) {
            throw IncidentRejection.invalid("prompts need the PROMPTS section to appear in");
        }
    }
}
