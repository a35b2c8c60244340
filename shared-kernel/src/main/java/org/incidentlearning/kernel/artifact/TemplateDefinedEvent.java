package org.incidentlearning.kernel.artifact;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Version 1 of a team's template. */
@Revision("1")
public record TemplateDefinedEvent(String templateId, int version, String name, Archetype archetype,
                                   List<ArtifactSection> sections, List<String> prompts, String team) {
}
