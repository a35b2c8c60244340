package org.incidentlearning.kernel.mentalmodel;

import java.time.Instant;

public record MentalModelRecordedEvent(String incidentId, String mentalModelId, String team, String subject,
                                       String belief, Instant heldAt) {
}
