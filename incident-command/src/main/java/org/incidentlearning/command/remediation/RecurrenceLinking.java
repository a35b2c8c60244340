package org.incidentlearning.command.remediation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.incidentlearning.command.incident.Incident;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.remediation.LinkRecurrenceCommand;
import org.springframework.stereotype.Component;

/**
 * A recurrence spans two incidents: it reads the earlier incident's declined remediation and records the link on
 * the recurring incident, both loaded (and locked) in the same unit of work.
 */
@Component
public class RecurrenceLinking {

    private final Repository<Incident> incidents;

    public RecurrenceLinking(Repository<Incident> incidents) {
        this.incidents = incidents;
    }

    @CommandHandler
    public CommandResult handle(LinkRecurrenceCommand command, MetaData metaData) {
        Incident.DeclinedRemediation declined;
        try {
            declined = incidents.load(command.ofIncidentId())
                    .invoke(earlier -> earlier.declinedRemediation(command.remediationId()));
        } catch (AggregateNotFoundException missing) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT,
                    "No incident with id " + command.ofIncidentId() + " (ofIncidentId)");
        }
        return incidents.load(command.incidentId()).invoke(recurring -> {
            recurring.ensureVersion((Long) metaData.get(Incident.EXPECTED_VERSION));
            return recurring.linkRecurrence(command, declined.incidentStartedAt(), declined.decidingTeam());
        });
    }
}
