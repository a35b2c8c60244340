package org.incidentlearning.command.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What every stored event records about how it came to be, copied from the command that caused it: who asked
 * ({@code actor}), the request's {@code correlationId}, the causing command ({@code causationId}) and the client's
 * {@code idempotencyKey}. The event's own timestamp is when it was recorded. Set by the server, never by a body.
 */
@Component
public class AuditTrail implements CorrelationDataProvider {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(ACTOR, message.getMetaData().getOrDefault(ACTOR, "unknown"));
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        Object key = message.getMetaData().get(IDEMPOTENCY_KEY);
        if (key != null) {
            data.put(IDEMPOTENCY_KEY, key);
        }
        return data;
    }
}
