package org.incidentlearning.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.CoordinationRecordedEvent;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event is stored as its record's components and nothing else: what an event says about the entry it recorded
 * ({@link EntryRecorded#entry()}) is derived, and never enters the stored payload auditors read and hashes cover.
 */
class StoredEventShapeTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void entryEventsAreStoredAsTheirComponentsOnly() throws IOException {
        Serializer serializer = new EventStoreConfiguration().serializer();
        ObjectMapper json = new ObjectMapper();
        List<EntryRecorded> events = List.of(
                new TimelineEntryRecordedEvent("i", "e", AT, "ops", TimelineEntryKind.ACTION, "t"),
                new MentalModelRecordedEvent("i", "m", "ops", "s", "b", AT),
                new DivergenceNotedEvent("i", "d", List.of("m", "n"), "d", "e"),
                new ContextRecordedEvent("i", "c", "ops", ContextKind.PRESSURE, "d"),
                new CoordinationRecordedEvent("i", "c", "ops", CoordinationKind.HAND_OFF, List.of("x"), "d", AT),
                new LinkageDiscoveredEvent("i", "l", LinkageKind.SOCIAL, "a", "b", "d", null, false),
                new RemediationProposedEvent("i", "r", "ops", "d"));
        for (EntryRecorded event : events) {
            JsonNode stored = json.readTree(serializer.serialize(event, byte[].class).getData());
            List<String> fields = StreamSupport.stream(((Iterable<String>) stored::fieldNames).spliterator(), false)
                    .toList();
            assertThat(fields).as(event.getClass().getSimpleName()).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }
}
