package org.incidentlearning.command.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.incidentlearning.kernel.incident.CommandMetadata;
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

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData asked = message.getMetaData();
        Map<String, Object> data = new HashMap<>();
        data.put(CommandMetadata.ACTOR, asked.getOrDefault(CommandMetadata.ACTOR, "unknown"));
        data.put(CommandMetadata.CORRELATION_ID, asked.getOrDefault(CommandMetadata.CORRELATION_ID,
                message.getIdentifier()));
        data.put(CommandMetadata.CAUSATION_ID, message.getIdentifier());
        Object key = asked.get(CommandMetadata.IDEMPOTENCY_KEY);
        if (key != null) {
            data.put(CommandMetadata.IDEMPOTENCY_KEY, key);
        }
        return data;
    }
}
