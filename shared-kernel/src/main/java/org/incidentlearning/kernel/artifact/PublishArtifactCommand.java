package org.incidentlearning.kernel.artifact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/**
 * Records that an artifact was published: what was rendered (template and version, audience, the incident's version
 * and the moment its recurrences were read up to) and the SHA-256 of the Markdown it came to.
 */
public record PublishArtifactCommand(@TargetAggregateIdentifier String incidentId, String artifactId,
                                     String templateId, int templateVersion, Audience audience, String contentHash,
                                     long incidentVersion, Instant renderedAsOf) {
    public PublishArtifactCommand {
        Require.text(incidentId, "incidentId");
        Require.text(artifactId, "artifactId");
        Require.text(templateId, "templateId");
        Require.present(audience, "audience");
        Require.present(renderedAsOf, "renderedAsOf");
        if (contentHash == null || !contentHash.matches(EventChain.HASH_PATTERN)) {
            throw IncidentRejection.invalid("contentHash must be a SHA-256 in lower-case hex");
        }
        if (templateVersion < 1 || incidentVersion < 1) {
            throw IncidentRejection.invalid("templateVersion and incidentVersion start at 1");
        }
    }
}
