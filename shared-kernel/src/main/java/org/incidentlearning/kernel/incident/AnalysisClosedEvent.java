package org.incidentlearning.kernel.incident;

public record AnalysisClosedEvent(String incidentId, String conclusion) {
}
