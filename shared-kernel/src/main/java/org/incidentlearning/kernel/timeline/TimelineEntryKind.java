package org.incidentlearning.kernel.timeline;

public enum TimelineEntryKind {
    OBSERVATION, ACTION, COMMUNICATION, DECISION
}
