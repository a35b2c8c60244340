package org.incidentlearning.kernel.remediation;

import java.time.LocalDate;

public record RemediationDeclinedEvent(String incidentId, String remediationId, String team, String rationale,
                                       String acceptedRisk, LocalDate revisitBy) {
}
