package org.incidentlearning.command.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentlearning.kernel.error.RejectionDetails;

/**
 * Counts commands by type and outcome ({@code incident.commands}): accepted once their events are committed,
 * rejected with the refusal's code when the handler refuses. A command whose commit fails (it lost the race for
 * the incident's next sequence number and is retried) counts only when the retry ends.
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String NAME = "incident.commands";

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(committed -> counter(type, "accepted", "none").increment());
        try {
            return chain.proceed();
        } catch (Exception refusedOrFailed) {
            counter(type, "rejected", code(refusedOrFailed)).increment();
            throw refusedOrFailed;
        }
    }

    private Counter counter(String type, String outcome, String code) {
        return Counter.builder(NAME).description("Commands handled, by type and outcome")
                .tag("type", type).tag("outcome", outcome).tag("code", code).register(registry);
    }

    /** The refusal's code; "error" for a failure that is not a refusal (the caller got a 500 or a retry). */
    private static String code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandExecutionException refused
                && refused.getDetails().orElse(null) instanceof RejectionDetails details) {
                return details.code().name();
            }
        }
        return "error";
    }
}
