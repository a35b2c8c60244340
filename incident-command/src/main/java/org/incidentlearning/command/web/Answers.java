package org.incidentlearning.command.web;

import org.incidentlearning.kernel.incident.CommandResult;

/** Every command handler answers a {@link CommandResult}, except Axon's creation handlers, which answer the new id. */
public final class Answers {

    private Answers() {
    }

    public static CommandResult of(Object handlerResult) {
        if (handlerResult instanceof CommandResult result) {
            return result;
        }
        if (handlerResult instanceof String createdIncidentId) {
            return new CommandResult(createdIncidentId, 1, true);
        }
        throw new IllegalStateException("Unexpected command result " + handlerResult);
    }
}
