package org.incidentlearning.kernel.context;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContextRecordedEvent(String incidentId, String contextId, String team, ContextKind kind,
                                   String description) {
}
