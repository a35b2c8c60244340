package org.incidentlearning.kernel.remediation;

public record RemediationReopenedEvent(String incidentId, String remediationId, String reason) {
}
