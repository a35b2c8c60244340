package org.incidentlearning.web;

/**
 * The service's own HTTP headers, named once for every module that reads, writes or documents them; the standard
 * ones (If-Match, ETag, Location, Retry-After) are Spring's {@link org.springframework.http.HttpHeaders}.
 */
public final class ServiceHeaders {

    /** A client's key for a retry-safe POST: the same key and body get the first answer. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Ties a request to the events it causes; made up when the client sends none, and echoed back. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** The last message a live-view client saw, so a reconnect misses nothing (Server-Sent Events). */
    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private ServiceHeaders() {
    }
}
