package org.incidentlearning.kernel.artifact;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A later version of a template, whole: rendering a version needs no earlier one. */
@Revision("1")
public record TemplateRevisedEvent(String templateId, int version, String name, List<ArtifactSection> sections,
                                   List<String> prompts, String reason) {
}
