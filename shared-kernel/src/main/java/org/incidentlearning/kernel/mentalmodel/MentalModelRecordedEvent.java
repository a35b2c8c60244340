package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record MentalModelRecordedEvent(String incidentId, String mentalModelId, String team, String subject,
                                       String belief, Instant heldAt) {
}
