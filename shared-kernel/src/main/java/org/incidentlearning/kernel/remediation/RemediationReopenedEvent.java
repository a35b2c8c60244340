package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RemediationReopenedEvent(String incidentId, String remediationId, String reason) {
}
