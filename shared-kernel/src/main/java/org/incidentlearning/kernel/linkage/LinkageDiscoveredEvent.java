package org.incidentlearning.kernel.linkage;

public record LinkageDiscoveredEvent(String incidentId, String linkageId, LinkageKind kind, String from, String to,
                                     String description, String condition, boolean believedAbsent) {
}
