package org.incidentlearning.kernel.remediation;

import java.time.LocalDate;

public record RemediationPrioritizedEvent(String incidentId, String remediationId, RemediationPriority priority,
                                          String rationale, LocalDate dueBy) {
}
