package org.incidentlearning.kernel.incident;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AnalysisClosedEvent(String incidentId, String conclusion) {
}
