package org.incidentlearning.kernel.artifact;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An artifact was published from this incident; re-rendering its inputs gives the same content hash. */
@Revision("1")
public record ArtifactPublishedEvent(String incidentId, String artifactId, String templateId, int templateVersion,
                                     Audience audience, String contentHash, long incidentVersion,
                                     Instant renderedAsOf) {
}
