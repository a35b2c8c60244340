package org.incidentlearning.kernel.timeline;

/** How teams worked together during the response. */
public enum CoordinationKind {
    HAND_OFF, ESCALATION, JOINT_WORK, HELP_REQUEST, STATUS_UPDATE
}
