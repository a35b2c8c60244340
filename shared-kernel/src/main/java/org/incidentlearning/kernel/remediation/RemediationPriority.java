package org.incidentlearning.kernel.remediation;

public enum RemediationPriority {
    HIGH, MEDIUM, LOW
}
