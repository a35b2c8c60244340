package org.incidentlearning.kernel.remediation;

public enum RemediationState {
    PROPOSED, PRIORITIZED, COMPLETED, DECLINED
}
