package org.incidentlearning.kernel.remediation;

public record RemediationCompletedEvent(String incidentId, String remediationId, String note) {
}
