package org.incidentlearning.kernel.context;

public record ContextRecordedEvent(String incidentId, String contextId, String team, ContextKind kind,
                                   String description) {
}
