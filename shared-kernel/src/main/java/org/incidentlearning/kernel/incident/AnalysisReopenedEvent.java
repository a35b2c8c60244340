package org.incidentlearning.kernel.incident;

public record AnalysisReopenedEvent(String incidentId, String reason) {
}
