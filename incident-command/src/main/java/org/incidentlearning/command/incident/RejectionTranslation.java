package org.incidentlearning.command.incident;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.incidentlearning.kernel.artifact.ReviseTemplateCommand;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.RejectionDetails;

/**
 * Turns business refusals into {@link CommandExecutionException}s carrying {@link RejectionDetails}, the form that
 * survives a trip between processes, so the REST edge maps them the same way wherever the command ran.
 */
public class RejectionTranslation implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (IncidentRejection rejection) {
            throw translated(rejection.code(), rejection.getMessage(), rejection);
        } catch (AggregateNotFoundException missing) {
            if (unitOfWork.getMessage().getPayload() instanceof ReviseTemplateCommand) {
                throw translated(ErrorCode.UNKNOWN_TEMPLATE,
                        "No template of a team with id " + missing.getAggregateIdentifier()
                        + "; built-in templates are not revised", missing);
            }
            throw translated(ErrorCode.UNKNOWN_INCIDENT,
                    "No incident with id " + missing.getAggregateIdentifier(), missing);
        }
    }

    private static CommandExecutionException translated(ErrorCode code, String message, Throwable cause) {
        return new CommandExecutionException(message, cause, new RejectionDetails(code, message));
    }
}
