package org.incidentlearning.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.incidentlearning.command.incident.Incident;
import org.incidentlearning.command.incident.IncidentCommands;
import org.incidentlearning.command.incident.RejectionTranslation;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.CloseAnalysisCommand;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.SourceIds;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.incidentlearning.store.AcknowledgedWrites;
import org.incidentlearning.store.SharedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The import run through the real {@link Incident} aggregate on an in-memory event store, without Spring: what it
 * stores, what it answers, and that a second run stores nothing.
 */
class PostmortemImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedEventStore eventStore;
    private CommandGateway gateway;
    private PostmortemImport postmortems;

    @BeforeEach
    void wireTheCommandSide() throws SQLException {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new RejectionTranslation());
        AggregateAnnotationCommandHandler.<Incident>builder()
                .aggregateType(Incident.class)
                .repository(EventSourcingRepository.builder(Incident.class).eventStore(eventStore).build())
                .build()
                .subscribe(commandBus);
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        DriverManagerDataSource store = new DriverManagerDataSource("jdbc:h2:mem:postmortem-import", "sa", "");
        postmortems = new PostmortemImport(new IncidentCommands(gateway, false,
                new AcknowledgedWrites(store, new SharedStore(store))), eventStore);
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void eachRecordBecomesOrdinaryEventsAndASecondImportStoresNothing() {
        JsonNode file = file("aws-1", record("Sydney power loss", "6/4/2016", 575, "[\"EC2\", \"EBS\"]",
                "[{\"layer-1\": \"external causes\", \"layer-2\": \"power outage\"}]"),
                "aws-2", record("S3 outage", "2/28/2017", null, "[\"S3\"]", "[]"));

        ImportReport first = postmortems.importFile(file, null, "admin");

        assertThat(types(SourceIds.incidentIdFor("aws-1"))).containsExactly("IncidentDeclaredEvent",
                "TimelineEntryRecordedEvent", "ContextRecordedEvent", "TimelineEntryRecordedEvent",
                "TimelineEntryRecordedEvent", "TimelineEntryRecordedEvent", "LinkageDiscoveredEvent",
                "LinkageDiscoveredEvent", "IncidentClassifiedEvent", "IncidentResolvedEvent");
        assertThat(types(SourceIds.incidentIdFor("aws-2"))).containsExactly("IncidentDeclaredEvent",
                "TimelineEntryRecordedEvent", "ContextRecordedEvent", "TimelineEntryRecordedEvent",
                "TimelineEntryRecordedEvent", "TimelineEntryRecordedEvent", "LinkageDiscoveredEvent",
                "LinkageDiscoveredEvent");
        assertThat(first.recordsRead()).isEqualTo(2);
        assertThat(first.incidentsCreated()).isEqualTo(2);
        assertThat(first.eventsStored()).isEqualTo(18);
        assertThat(first.notes()).extracting(ImportNote::sourceId, ImportNote::field).containsExactly(
                tuple("aws-2", "duration"), tuple("aws-2", "root cause.label"));
        assertThat(first.notMapped()).containsOnlyKeys("verification", "mitigation.label");
        assertThat(first.notMapped().get("verification").records()).isEqualTo(2);

        ImportReport second = postmortems.importFile(file, null, "admin");

        assertThat(second.incidentsCreated()).isZero();
        assertThat(second.incidentsAmended()).isZero();
        assertThat(second.recordsUnchanged()).isEqualTo(2);
        assertThat(second.eventsStored()).isZero();
        assertThat(eventStore.lastSequenceNumberFor(SourceIds.incidentIdFor("aws-1"))).contains(9L);
    }

    @Test
    void aLaterWriteUpRevisesTheIncidentAddsItsLabelsAndKeepsTheFirstResolution() {
        String incidentId = SourceIds.incidentIdFor("azure-20180904-1");
        JsonNode preliminary = file("azure-20180904-1", record("South Central US - Preliminary RCA", "09/04/2018",
                5130, "[\"Storage\", \"Virtual Machines\"]", "[{\"layer-1\": \"external causes\"}]"));
        JsonNode finalRca = file("azure-20180904-1", record("RCA - South Central US", "9/4/2018", 5148,
                "[\"Virtual Machines\", \"Azure datacenters\"]", "[{\"layer-1\": \"internal causes\"}]"));
        postmortems.importFile(preliminary, null, "admin");

        ImportReport later = postmortems.importFile(finalRca, null, "admin");

        assertThat(later.incidentsAmended()).isEqualTo(1);
        assertThat(later.incidentsCreated()).isZero();
        assertThat(later.recordsRejected()).isZero();
        assertThat(later.notes()).singleElement().satisfies(note -> {
            assertThat(note.field()).isEqualTo("duration");
            assertThat(note.note()).endsWith("kept the first resolution");
        });
        IncidentRevisedEvent revised = payload(incidentId, IncidentRevisedEvent.class).get(0);
        assertThat(revised.title()).isEqualTo("RCA - South Central US");
        assertThat(revised.addedComponents()).containsExactly("Azure datacenters");
        assertThat(revised.reason()).isEqualTo("Later write-up of azure-20180904-1 (import)");
        assertThat(last(incidentId, IncidentClassifiedEvent.class).labels())
                .containsExactly("external causes", "internal causes");
        assertThat(payload(incidentId, IncidentResolvedEvent.class)).singleElement()
                .satisfies(resolved -> assertThat(resolved.resolvedAt())
                        .isEqualTo(Instant.parse("2018-09-04T00:00:00Z").plusSeconds(5130 * 60)));

        long version = eventStore.lastSequenceNumberFor(incidentId).orElseThrow();
        ImportReport preliminaryAgain = postmortems.importFile(preliminary, null, "admin");
        ImportReport laterAgain = postmortems.importFile(finalRca, null, "admin");

        assertThat(preliminaryAgain.eventsStored()).isZero();
        assertThat(preliminaryAgain.recordsUnchanged()).isEqualTo(1);
        assertThat(laterAgain.eventsStored()).isZero();
        assertThat(laterAgain.recordsUnchanged()).isEqualTo(1);
        assertThat(eventStore.lastSequenceNumberFor(incidentId)).contains(version);
    }

    @Test
    void aRefusedCommandStopsOnlyItsRecordAndIsNoted() {
        JsonNode file = file("gcs-1", record("Storage errors", "3/1/2019", 45, "[\"GCS\"]", "[]"),
                "gcs-2", record("More storage errors", "3/2/2019", 45, "[\"GCS\"]", "[]"));
        postmortems.importFile(file("gcs-1", record("Storage errors", "3/1/2019", 45, "[\"GCS\"]", "[]")), null,
                "admin");
        gateway.sendAndWait(new CloseAnalysisCommand(SourceIds.incidentIdFor("gcs-1"), "Done"));

        ImportReport report = postmortems.importFile(file, null, "admin");

        assertThat(report.recordsRejected()).isEqualTo(1);
        assertThat(report.incidentsCreated()).isEqualTo(1);
        assertThat(report.notes()).filteredOn(note -> note.sourceId().equals("gcs-1")).last().satisfies(note -> {
            assertThat(note.field()).isEqualTo("details");
            assertThat(note.note()).contains("closed").endsWith("the rest of this record was not imported");
        });
        assertThat(eventStore.lastSequenceNumberFor(SourceIds.incidentIdFor("gcs-2"))).isPresent();
    }

    @Test
    void aRecordWhoseDateCannotBeReadIsRejectedAndNothingIsStored() {
        ImportReport report = postmortems.importFile(
                file("aws-9", record("Undated", "June 2016", 10, "[\"EC2\"]", "[]")), null, "admin");

        assertThat(report.recordsRejected()).isEqualTo(1);
        assertThat(report.eventsStored()).isZero();
        assertThat(report.notes()).extracting(ImportNote::field).containsExactly("time");
        assertThat(eventStore.lastSequenceNumberFor(SourceIds.incidentIdFor("aws-9"))).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnObjectOfRecordsIsRefusedBeforeAnythingIsStored() {
        JsonNode mixed = file("aws-1", record("Fine", "6/4/2016", 10, "[\"EC2\"]", "[]"), "aws-2", "3");

        for (JsonNode body : List.of(mixed, json("[]"), json("\"aws-1\""))) {
            assertThatThrownBy(() -> postmortems.importFile(body, null, "admin"))
                    .isInstanceOfSatisfying(IncidentRejection.class,
                            rejection -> assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
        assertThat(eventStore.lastSequenceNumberFor(SourceIds.incidentIdFor("aws-1"))).isEmpty();
    }

    @Test
    void aTeamNamedByTheCallerRecordsEverything() {
        String incidentId = SourceIds.incidentIdFor("aws-1");
        postmortems.importFile(file("aws-1", record("Sydney power loss", "6/4/2016", 575, "[\"EC2\"]", "[]")),
                "sre", "admin");

        assertThat(payload(incidentId, IncidentDeclaredEvent.class).get(0).teams()).containsExactly("sre");
        assertThat(payload(incidentId, TimelineEntryRecordedEvent.class))
                .hasSize(4).extracting(TimelineEntryRecordedEvent::team).containsOnly("sre");
        assertThat(payload(incidentId, ContextRecordedEvent.class))
                .singleElement().extracting(ContextRecordedEvent::team).isEqualTo("sre");
    }

    // ---- helpers ----

    private static String record(String title, String time, Integer duration, String services, String labels) {
        return """
                {"title": "%s", "link": ["https://example.com"], "time": "%s",
                 "summary": "What happened.", "details": "The account.",
                 "service_name": %s, "impact symptom": ["availability"], "duration": %s,
                 "root cause": {"label": %s, "details": "Why it happened."}, "human error": false,
                 "mitigation": {"label": ["restore"], "details": "What helped.",
                                "troubleshooting": {"1": "First step.", "2": "Second step."}},
                 "propagation pass": {"1": "power", "2": "cooling", "3": "servers"},
                 "verification": "lixy"}
                """.formatted(title, time, services, duration, labels);
    }

    private static JsonNode file(String... idsAndRecords) {
        StringBuilder file = new StringBuilder("{");
        for (int i = 0; i < idsAndRecords.length; i += 2) {
            file.append(i == 0 ? "" : ",").append('"').append(idsAndRecords[i]).append("\":")
                    .append(idsAndRecords[i + 1]);
        }
        return json(file.append('}').toString());
    }

    private List<String> types(String incidentId) {
        return eventStore.readEvents(incidentId).asStream()
                .map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    private <T> List<T> payload(String incidentId, Class<T> type) {
        return eventStore.readEvents(incidentId).asStream().map(EventMessage::getPayload)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private <T> T last(String incidentId, Class<T> type) {
        List<T> payloads = payload(incidentId, type);
        return payloads.get(payloads.size() - 1);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
