package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record RemediationPrioritizedEvent(String incidentId, String remediationId, RemediationPriority priority,
                                          String rationale, LocalDate dueBy) {
}
