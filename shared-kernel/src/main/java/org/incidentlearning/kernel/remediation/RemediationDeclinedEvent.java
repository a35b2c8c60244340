package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RemediationDeclinedEvent(String incidentId, String remediationId, String team, String rationale,
                                       String acceptedRisk, LocalDate revisitBy) {
}
