package org.incidentlearning.kernel.error;

/**
 * Why a command was refused. Each code belongs to a {@link Kind} so that every edge (REST today, others
 * tomorrow) maps refusals the same way, whether the command ran in this process or another.
 */
public enum ErrorCode {
    INVALID_INPUT(Kind.INVALID, "Invalid input"),
    UNKNOWN_INCIDENT(Kind.NOT_FOUND, "Unknown incident"),
    UNKNOWN_MENTAL_MODEL(Kind.NOT_FOUND, "Unknown mental model"),
    UNKNOWN_REMEDIATION(Kind.NOT_FOUND, "Unknown remediation"),
    UNKNOWN_ENTRY(Kind.NOT_FOUND, "Unknown entry"),
    UNKNOWN_PROJECTION(Kind.NOT_FOUND, "Unknown projection"),
    UNKNOWN_TEMPLATE(Kind.NOT_FOUND, "Unknown template"),
    ANALYSIS_CLOSED(Kind.CONFLICT, "Analysis is closed"),
    REMEDIATION_STATE_CONFLICT(Kind.CONFLICT, "Remediation is in another state"),
    INCIDENT_STATE_CONFLICT(Kind.CONFLICT, "Incident is in another state"),
    ENTRY_STATE_CONFLICT(Kind.CONFLICT, "Entry is in another state"),
    RECURRENCE_NOT_ALLOWED(Kind.CONFLICT, "Recurrence cannot be linked"),
    STALE_VERSION(Kind.CONFLICT, "Incident has moved on"),
    CONCURRENT_MODIFICATION(Kind.CONFLICT, "Concurrent modification"),
    STORE_NOT_EMPTY(Kind.CONFLICT, "Store not empty"),
    TEMPLATE_EXISTS(Kind.CONFLICT, "Template exists"),
    TEMPLATE_BUILT_IN(Kind.CONFLICT, "Built-in template"),
    REPLAY_IN_PROGRESS(Kind.CONFLICT, "Replay in progress"),
    KEY_NAME_TAKEN(Kind.CONFLICT, "API key name taken"),
    UNKNOWN_API_KEY(Kind.NOT_FOUND, "Unknown API key"),
    NOT_YOUR_TEAM(Kind.FORBIDDEN, "Not your team"),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE, "Idempotency key reused with another request"),
    REQUEST_TOO_LARGE(Kind.TOO_LARGE, "Request too large"),
    VIEW_NOT_READY(Kind.UNAVAILABLE, "View not ready"),
    RENDERING_UNAVAILABLE(Kind.UNAVAILABLE, "Rendering unavailable"),
    STORE_BUSY(Kind.UNAVAILABLE, "Store busy"),
    UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Unauthenticated"),
    ACCESS_DENIED(Kind.FORBIDDEN, "Access denied"),
    RATE_LIMITED(Kind.TOO_MANY_REQUESTS, "Too many requests");

    /** The family of a refusal; edges map a family to their own status codes. */
    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_LARGE,
        TOO_MANY_REQUESTS, UNAVAILABLE }

    private final Kind kind;
    private final String title;

    ErrorCode(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** A stable, URI-friendly name for problem types: {@code UNKNOWN_MENTAL_MODEL} → {@code unknown-mental-model}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
