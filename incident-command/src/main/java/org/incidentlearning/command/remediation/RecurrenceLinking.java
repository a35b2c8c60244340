package org.incidentlearning.command.remediation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.incidentlearning.command.incident.Incident;
import org.incidentlearning.command.incident.RecentIncidents;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.remediation.LinkRecurrenceCommand;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A recurrence spans two incidents: it reads the earlier incident's declined remediation and records the link on
 * the recurring incident, both loaded (and locked) in the same unit of work.
 */
@Component
public class RecurrenceLinking {

    private final Repository<Incident> incidents;
    private final RecentIncidents recent;

    public RecurrenceLinking(Repository<Incident> incidents, RecentIncidents recent) {
        this.incidents = incidents;
        this.recent = recent;
    }

    @CommandHandler
    public CommandResult handle(LinkRecurrenceCommand command, MetaData metaData) {
        // The earlier incident is only read, so nothing would catch a stale copy kept in memory after another node
        // changed its remediation: it is read from the store.
        recent.remove(command.ofIncidentId());
        Map<String, Aggregate<Incident>> loaded = new HashMap<>();
        // A fixed lock order, so two links between the same incidents in opposite directions cannot deadlock.
        for (String id : new TreeSet<>(List.of(command.incidentId(), command.ofIncidentId()))) {
            try {
                loaded.put(id, incidents.load(id));
            } catch (AggregateNotFoundException missing) {
                if (id.equals(command.incidentId())) {
                    throw missing;
                }
            }
        }
        Aggregate<Incident> recurring = loaded.get(command.incidentId());
        recurring.execute(incident -> {
            if (metaData.get(CommandMetadata.ACTING_TEAM) instanceof String team) {
                incident.ensureTeamMayAct(team, command);
            }
            incident.ensureVersion(metaData.get(CommandMetadata.EXPECTED_VERSION));
        });
        Aggregate<Incident> earlier = loaded.get(command.ofIncidentId());
        if (earlier == null) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT,
                    "No incident with id " + command.ofIncidentId() + " (ofIncidentId)");
        }
        Incident.DeclinedRemediation declined =
                earlier.invoke(incident -> incident.declinedRemediation(command.remediationId()));
        return recurring.invoke(incident ->
                incident.linkRecurrence(command, declined.incidentStartedAt(), declined.decidingTeam()));
    }
}
