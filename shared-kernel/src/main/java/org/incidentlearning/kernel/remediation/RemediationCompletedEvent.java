package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RemediationCompletedEvent(String incidentId, String remediationId, String note) {
}
