package org.incidentlearning.kernel.artifact;

import org.incidentlearning.kernel.error.Require;

/**
 * Asks the views for an artifact rendered now, so that publishing records what readers of the views would see.
 * Answered with a {@link RenderedArtifact}.
 */
public record RenderArtifactQuery(String incidentId, String templateId, Audience audience) {
    public RenderArtifactQuery {
        Require.text(incidentId, "incidentId");
        Require.text(templateId, "templateId");
        Require.present(audience, "audience");
    }
}
