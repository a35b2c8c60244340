package org.incidentlearning.kernel.remediation;

import org.axonframework.serialization.Revision;

/** {@code decidingTeam} is the team that declined the remediation, so views can route the context back to it. */
@Revision("1")
public record RecurrenceLinkedEvent(String incidentId, String recurrenceId, String ofIncidentId,
                                    String remediationId, String decidingTeam, String note) {
}
