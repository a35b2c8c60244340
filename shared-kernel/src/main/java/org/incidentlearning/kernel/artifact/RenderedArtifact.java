package org.incidentlearning.kernel.artifact;

import java.time.Instant;

/** What a rendering was made of, and the SHA-256 of its Markdown. */
public record RenderedArtifact(String incidentId, String templateId, int templateVersion, Audience audience,
                               long incidentVersion, Instant renderedAsOf, String contentHash) {
}
