package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedStoreTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void everyIncidentIsAHashChainOfTenEventsTheImportAccepts() throws Exception {
        GeneratedStore store = new GeneratedStore(3, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.write(out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(30);
        assertThat(store.events()).isEqualTo(30);
        String previous = EventChain.GENESIS;
        for (int i = 0; i < 10; i++) {
            JsonNode line = lines.get(i);
            assertThat(line.path("incidentId").asText()).isEqualTo(GeneratedStore.incidentId(0));
            assertThat(line.path("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(line.path("previousHash").asText()).isEqualTo(previous);
            // The import hashes the payload and metadata as a plain mapper writes the parsed line's nodes.
            String hash = EventChain.hash(previous, line.path("eventId").asText(), line.path("incidentId").asText(),
                    i, line.path("aggregateType").asText(), line.path("timestamp").asText(),
                    line.path("payloadType").asText(), line.path("payloadRevision").asText(),
                    new ObjectMapper().writeValueAsBytes(line.path("payload")),
                    new ObjectMapper().writeValueAsBytes(line.path("metadata")));
            assertThat(line.path("hash").asText()).isEqualTo(hash);
            previous = hash;
        }
    }

    @Test
    void payloadsAreTheKernelsEventsAndDivergencesReferToRecordedModels() throws Exception {
        List<String> incident = new GeneratedStore(1, 7).incident(0);
        JsonNode declared = JSON.readTree(incident.get(0));
        IncidentDeclaredEvent event = JSON.treeToValue(declared.path("payload"), IncidentDeclaredEvent.class);
        assertThat(declared.path("payloadType").asText()).isEqualTo(IncidentDeclaredEvent.class.getName());
        assertThat(declared.path("payloadRevision").asText()).isEqualTo("2");
        assertThat(event.teams()).isNotEmpty().allMatch(CommandMix.TEAMS::contains);
        assertThat(event.components()).isNotEmpty().allMatch(CommandMix.COMPONENTS::contains);

        List<String> models = new ArrayList<>();
        DivergenceNotedEvent divergence = null;
        for (String text : incident) {
            JsonNode line = JSON.readTree(text);
            Object payload = JSON.treeToValue(line.path("payload"), Class.forName(line.path("payloadType").asText()));
            assertThat(payload).isNotNull();
            if (line.path("payloadType").asText().endsWith("MentalModelRecordedEvent")) {
                models.add(line.path("payload").path("mentalModelId").asText());
            } else if (payload instanceof DivergenceNotedEvent noted) {
                divergence = noted;
            }
        }
        assertThat(divergence).isNotNull();
        assertThat(divergence.mentalModelIds()).containsExactlyElementsOf(models);
    }

    @Test
    void theSameSeedGeneratesTheSameStore() throws Exception {
        assertThat(new GeneratedStore(2, 11).incident(1)).isEqualTo(new GeneratedStore(2, 11).incident(1));
        assertThat(new GeneratedStore(2, 11).incident(1)).isNotEqualTo(new GeneratedStore(2, 12).incident(1));
    }
}
