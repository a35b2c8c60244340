package org.incidentlearning.command.incident;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.incidentlearning.kernel.error.RejectionDetails;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.store.AcknowledgedWrites;

/**
 * How every command reaches its incident: through Axon's gateway, and on a store other nodes write too, once more
 * after a refusal. An incident this node keeps in memory ({@link RecentIncidents}) may miss what another node
 * appended. A command it allows then loses the race for the next sequence number and is retried afresh by the
 * caller; a command it refuses is sent once more here, on the incident Axon reloads after the refusal rolled back, so
 * nobody is refused on stale state. On the embedded H2 file this process is the only writer, so a refusal stands.
 */
public class IncidentCommands {

    private final CommandGateway gateway;
    private final boolean othersWriteTheStore;
    private final AcknowledgedWrites acknowledged;

    public IncidentCommands(CommandGateway gateway, boolean othersWriteTheStore, AcknowledgedWrites acknowledged) {
        this.gateway = gateway;
        this.othersWriteTheStore = othersWriteTheStore;
        this.acknowledged = acknowledged;
    }

    /** The command's result, or its refusal, once what it was decided on is durable. */
    public CommandResult send(CommandMessage<?> command) {
        try {
            return sendOnce(command);
        } finally {
            acknowledged.makeDurable();
        }
    }

    private CommandResult sendOnce(CommandMessage<?> command) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            if (!othersWriteTheStore || refused.getDetails().filter(RejectionDetails.class::isInstance).isEmpty()) {
                throw refused;
            }
            return gateway.sendAndWait(command);
        }
    }
}
