package org.incidentlearning.kernel.incident;

/** OPEN while the incident runs, RESOLVED once its impact ended, CLOSED once the analysis ends (it can be reopened). */
public enum IncidentStatus {
    OPEN, RESOLVED, CLOSED
}
