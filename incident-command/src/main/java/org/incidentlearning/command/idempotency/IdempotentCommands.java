package org.incidentlearning.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.Optional;

/**
 * Runs inside the command's transaction: a command carrying a known idempotency key answers what the first one
 * answered and stores nothing; a new key is remembered together with the command's events.
 */
public class IdempotentCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyRecords records;

    public IdempotentCommands(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String key = (String) command.getMetaData().get(CommandMetadata.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        String fingerprint = (String) command.getMetaData().get(CommandMetadata.REQUEST_FINGERPRINT);
        Optional<IdempotencyRecords.Remembered> remembered = records.find(key);
        if (remembered.isPresent()) {
            if (!remembered.get().fingerprint().equals(fingerprint)) {
                throw new IncidentRejection(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key
                        + "' was first used with another request; use a new key for a new request");
            }
            return remembered.get().result();
        }
        CommandResult result = (CommandResult) chain.proceed();
        try {
            records.remember(key, fingerprint, result);
        } catch (DataIntegrityViolationException raced) {
            throw new IdempotencyRace(key, raced);
        }
        return result;
    }

    /** Two requests with one key ran at once; the loser's transaction rolls back and it is answered on a retry. */
    public static class IdempotencyRace extends RuntimeException {
        public IdempotencyRace(String key, Throwable cause) {
            super("Concurrent use of idempotency key " + key, cause);
        }
    }
}
