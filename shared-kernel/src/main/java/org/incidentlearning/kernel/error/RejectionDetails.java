package org.incidentlearning.kernel.error;

/** What travels inside a command-execution failure so the edge can rebuild the refusal, in one process or many. */
public record RejectionDetails(ErrorCode code, String message) {
}
