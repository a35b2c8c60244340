package org.incidentlearning.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentlearning.command.importing.ImportReport.NotMapped;
import org.incidentlearning.command.importing.PostmortemPlan.PlannedCommand;
import org.incidentlearning.command.incident.IncidentCommands;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.RejectionDetails;
import org.incidentlearning.kernel.incident.ClassifyIncidentCommand;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Imports a file of cloud post-mortems by sending each record's plan ({@link PostmortemMapping}) as ordinary
 * commands, one at a time, so the events are the ones a team posting by hand would have caused. Importing the same
 * file again stores nothing: every command is a no-op when its content is already recorded.
 *
 * <p>A record whose incident exists is either the write-up that declared it (its declaration is then a no-op) or a
 * later write-up of the same incident, which becomes a revision: new title and summary, more components. Its
 * classification labels are added to the incident's, and a resolution that differs from the one recorded first is
 * noted, not forced. A refusal stops that record only; the import goes on with the next.
 */
@Component
public class PostmortemImport {

    private final IncidentCommands incidents;
    private final EventStore eventStore;
    private final MeterRegistry meters;

    @Autowired
    public PostmortemImport(IncidentCommands incidents, EventStore eventStore, MeterRegistry meters) {
        this.incidents = incidents;
        this.eventStore = eventStore;
        this.meters = meters;
    }

    /** Without metrics: for tests of the mapping and the import alone. */
    public PostmortemImport(IncidentCommands incidents, EventStore eventStore) {
        this(incidents, eventStore, new SimpleMeterRegistry());
    }

    /**
     * @param file one file of the data set: an object whose fields are records
     * @param team  the team to record in, or null for each record's provider
     * @param actor the principal running the import, recorded as every event's actor
     */
    public ImportReport importFile(JsonNode file, String team, String actor) {
        if (file == null || !file.isObject()) {
            throw IncidentRejection.invalid("The body must be one file of the data set: a JSON object whose fields "
                                            + "are post-mortem records");
        }
        file.properties().forEach(record -> {
            if (!record.getValue().isObject()) {
                throw IncidentRejection.invalid("Record '" + record.getKey() + "' is not a JSON object; nothing was "
                                                + "imported");
            }
        });
        Tally tally = new Tally();
        // Every event of one import shares a correlation id, and names the principal who ran it as its actor.
        MetaData audit = MetaData.with(CommandMetadata.ACTOR, actor)
                .and(CommandMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        file.properties().forEach(record -> {
            PostmortemPlan plan = PostmortemMapping.plan(record.getKey(), record.getValue(), team);
            RecordResult result = new RecordImport(plan, audit).run();
            tally.add(plan, result);
            // Progress of a long import, record by record, for whoever watches the metrics.
            meters.counter("incident.import.records", "kind", "postmortems", "outcome",
                    result.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
        });
        return tally.report();
    }

    private enum Outcome { CREATED, AMENDED, UNCHANGED, REJECTED }

    private record RecordResult(Outcome outcome, int eventsStored, List<ImportNote> notes) {
    }

    /** One record's commands, sent in order; it counts what they stored and notes what was refused. */
    private final class RecordImport {

        private final PostmortemPlan plan;
        private final MetaData audit;
        private final List<ImportNote> notes;
        private int stored;

        RecordImport(PostmortemPlan plan, MetaData audit) {
            this.plan = plan;
            this.audit = audit;
            this.notes = new ArrayList<>(plan.notes());
        }

        RecordResult run() {
            Outcome outcome = outcome();
            return new RecordResult(outcome, stored, notes);
        }

        private Outcome outcome() {
            if (!plan.importable()) {
                return Outcome.REJECTED;
            }
            boolean existed = eventStore.lastSequenceNumberFor(plan.incidentId()).isPresent();
            try {
                if (existed) {
                    declareAgainOrRevise();
                } else {
                    send("record", plan.declaration());
                }
                for (PlannedCommand entry : plan.entries()) {
                    send(entry.field(), entry.command());
                }
                classify(existed);
                resolve();
            } catch (Refused refused) {
                notes.add(new ImportNote(plan.sourceId(), refused.field, refused.details.message()
                                                                         + "; the rest of this record was not imported"));
                return Outcome.REJECTED;
            }
            if (!existed) {
                return Outcome.CREATED;
            }
            return stored > 0 ? Outcome.AMENDED : Outcome.UNCHANGED;
        }

        /**
         * The write-up that declared the incident declares it again as a no-op; any other write-up of it revises it.
         * Revising unconditionally would flip title and summary between write-ups on every re-import.
         */
        private void declareAgainOrRevise() {
            try {
                send("record", plan.declaration());
            } catch (Refused refused) {
                if (refused.details.code() != ErrorCode.INCIDENT_STATE_CONFLICT) {
                    throw refused;
                }
                send("record", plan.revision());
            }
        }

        /** Labels replace an incident's classification, so a later write-up adds to what earlier ones gave. */
        private void classify(boolean existed) {
            if (plan.labels().isEmpty()) {
                return;
            }
            Set<String> labels = new TreeSet<>(plan.labels());
            if (existed) {
                labels.addAll(currentClassification());
            }
            send("root cause.label", new ClassifyIncidentCommand(plan.incidentId(), labels));
        }

        private void resolve() {
            if (plan.resolution() == null) {
                return;
            }
            try {
                send("duration", plan.resolution());
            } catch (Refused refused) {
                if (refused.details.code() != ErrorCode.INCIDENT_STATE_CONFLICT) {
                    throw refused;
                }
                notes.add(new ImportNote(plan.sourceId(), "duration", refused.details.message()
                                                                      + ": kept the first resolution"));
            }
        }

        private List<String> currentClassification() {
            List<String> labels = List.of();
            DomainEventStream events = eventStore.readEvents(plan.incidentId());
            while (events.hasNext()) {
                if (events.next().getPayload() instanceof IncidentClassifiedEvent classified) {
                    labels = classified.labels();
                }
            }
            return labels;
        }

        private void send(String field, Object command) {
            CommandResult result;
            try {
                result = incidents.send(GenericCommandMessage.asCommandMessage(command).andMetaData(audit));
            } catch (IncidentRejection rejection) {
                throw new Refused(field, new RejectionDetails(rejection.code(), rejection.getMessage()));
            } catch (CommandExecutionException failure) {
                throw new Refused(field, failure.getDetails()
                        .filter(RejectionDetails.class::isInstance)
                        .map(RejectionDetails.class::cast)
                        .orElseThrow(() -> failure));
            } catch (ConcurrencyException raced) {
                throw new Refused(field, new RejectionDetails(ErrorCode.CONCURRENT_MODIFICATION, "Another request "
                        + "changed incident " + plan.incidentId() + " at the same moment; import the file again"));
            }
            if (result.changed()) {
                stored++;
            }
        }
    }

    /** A command of one record was refused; the record stops there. Control flow only, so no stack trace. */
    private static final class Refused extends RuntimeException {

        private final String field;
        private final RejectionDetails details;

        Refused(String field, RejectionDetails details) {
            super(details.message(), null, false, false);
            this.field = field;
            this.details = details;
        }
    }

    /** The report, added up record by record. */
    private static final class Tally {

        private final Map<Outcome, Integer> outcomes = new TreeMap<>();
        private final List<ImportNote> notes = new ArrayList<>();
        private final Map<String, Integer> notMapped = new TreeMap<>();
        private int records;
        private int eventsStored;

        void add(PostmortemPlan plan, RecordResult result) {
            records++;
            outcomes.merge(result.outcome(), 1, Integer::sum);
            eventsStored += result.eventsStored();
            notes.addAll(result.notes());
            plan.notMapped().forEach(field -> notMapped.merge(field, 1, Integer::sum));
        }

        ImportReport report() {
            Map<String, NotMapped> fields = new TreeMap<>();
            notMapped.forEach((field, count) ->
                    fields.put(field, new NotMapped(count, PostmortemMapping.reasonNotMapped(field))));
            return new ImportReport(records, count(Outcome.CREATED), count(Outcome.AMENDED),
                    count(Outcome.UNCHANGED), count(Outcome.REJECTED), eventsStored, List.copyOf(notes), fields);
        }

        private int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }
}
