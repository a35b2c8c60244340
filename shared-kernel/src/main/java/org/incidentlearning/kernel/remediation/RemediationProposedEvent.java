package org.incidentlearning.kernel.remediation;

public record RemediationProposedEvent(String incidentId, String remediationId, String team, String description) {
}
