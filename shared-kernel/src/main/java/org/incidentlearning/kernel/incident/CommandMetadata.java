package org.incidentlearning.kernel.incident;

/**
 * The metadata keys a command carries from the edge to the aggregate, and the ones its events keep for auditors.
 * Set by the server, never taken from a request body.
 */
public final class CommandMetadata {

    /** The only team the asking principal may act for; absent for a facilitator. */
    public static final String ACTING_TEAM = "actingTeam";
    /** The incident version the client expects ({@code If-Match}). */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** The client's {@code Idempotency-Key}; its events keep it. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** A digest of the request a key was first used with, so a reuse for another request is told apart. */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";
    /** Who asked: the authenticated principal's name. Its events keep it. */
    public static final String ACTOR = "actor";
    /** The request's {@code X-Correlation-Id}. Its events keep it. */
    public static final String CORRELATION_ID = "correlationId";
    /** On an event: the command that caused it. */
    public static final String CAUSATION_ID = "causationId";

    private CommandMetadata() {
    }
}
