package org.incidentlearning.kernel.linkage;

import org.axonframework.serialization.Revision;

@Revision("1")
public record LinkageDiscoveredEvent(String incidentId, String linkageId, LinkageKind kind, String from, String to,
                                     String description, String condition, boolean believedAbsent) {
}
