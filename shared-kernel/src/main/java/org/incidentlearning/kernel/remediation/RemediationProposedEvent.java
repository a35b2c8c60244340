package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RemediationProposedEvent(String incidentId, String remediationId, String team, String description) {
}
