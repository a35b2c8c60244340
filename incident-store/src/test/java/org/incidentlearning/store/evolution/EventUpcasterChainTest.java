package org.incidentlearning.store.evolution;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored by earlier builds read as today's records, through the chain in the order Spring gives it. */
class EventUpcasterChainTest {

    /** Exactly what the first build wrote for a declaration, before events carried a revision. */
    private static final String FIRST_SHAPE = """
            {"incidentId":"inc-1","title":"Checkout down","severity":"SEV2","startedAt":"2025-01-05T10:00:00Z",\
            "detectedAt":null,"summary":null,"teams":["ops"],"components":["db"]}""";

    // Configured like EventStoreConfiguration's serializer: the chain must feed what the event store deserializes.
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build())
            .lenientDeserialization()
            .build();

    private final EventUpcasterChain chain =
            new EventUpcasterChain(new UnrevisionedEventUpcaster(), new IncidentDeclaredUpcaster());

    @Test
    void aFirstShapeDeclarationReadsAsRevisionTwoWithoutSourceImpactDurationOrReferences() {
        IntermediateEventRepresentation upcast = upcastOne(IncidentDeclaredUpcaster.STORED_TYPE, null,
                FIRST_SHAPE.getBytes(StandardCharsets.UTF_8));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        IncidentDeclaredEvent declared = serializer.deserialize(upcast.getData());
        assertThat(declared.incidentId()).isEqualTo("inc-1");
        assertThat(declared.title()).isEqualTo("Checkout down");
        assertThat(declared.severity()).isEqualTo(Severity.SEV2);
        assertThat(declared.startedAt()).isEqualTo(Instant.parse("2025-01-05T10:00:00Z"));
        assertThat(declared.detectedAt()).isNull();
        assertThat(declared.summary()).isNull();
        assertThat(declared.teams()).containsExactly("ops");
        assertThat(declared.components()).containsExactly("db");
        assertThat(declared.sourceId()).isNull();
        assertThat(declared.impact()).isEmpty();
        assertThat(declared.durationMinutes()).isNull();
        assertThat(declared.references()).isEmpty();
    }

    @Test
    void aDeclarationStoredAtRevisionTwoIsLeftAlone() {
        IncidentDeclaredEvent imported = new IncidentDeclaredEvent("inc-2", "Imported", Severity.SEV1,
                Instant.parse("2025-02-01T00:00:00Z"), null, "From the old tracker", List.of("ops"), List.of("db"),
                "PM-7", List.of("Checkout failed"), 42, List.of("https://example.org/pm-7"));
        SerializedObject<byte[]> stored = serializer.serialize(imported, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation upcast = upcastOne(stored.getType().getName(), "2", stored.getData());

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((IncidentDeclaredEvent) serializer.deserialize(upcast.getData())).isEqualTo(imported);
    }

    @Test
    void anyOtherUnrevisionedEventReadsAsRevisionOneUnchanged() {
        TimelineEntryRecordedEvent entry = new TimelineEntryRecordedEvent("inc-1", "t-1",
                Instant.parse("2025-01-05T10:05:00Z"), "ops", TimelineEntryKind.ACTION, "Paged the on-call");
        byte[] firstShape = serializer.serialize(entry, byte[].class).getData();

        IntermediateEventRepresentation upcast = upcastOne(TimelineEntryRecordedEvent.class.getName(), null,
                firstShape);

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        assertThat(upcast.getData(byte[].class).getData()).isEqualTo(firstShape);
        assertThat((TimelineEntryRecordedEvent) serializer.deserialize(upcast.getData())).isEqualTo(entry);
    }

    @Test
    void typesOutsideTheEventLanguageAreNotTouched() {
        IntermediateEventRepresentation upcast = upcastOne("org.example.SomethingElse", null,
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(upcast.getType().getRevision()).isNull();
    }

    private IntermediateEventRepresentation upcastOne(String payloadType, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Incident", "inc-1", 0L,
                "event-1", "2025-01-05T10:00:01.000Z", payloadType, revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }
}
