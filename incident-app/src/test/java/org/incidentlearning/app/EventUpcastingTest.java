package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.awaitIncidentView;

/**
 * A declaration stored by the first builds (no revision, without sourceId, impact, durationMinutes and references)
 * still reads: through the history, into the incident view, and into the aggregate that takes new commands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/upcasting-${random.uuid}")
class EventUpcastingTest {

    private static final String DECLARED = "org.incidentlearning.kernel.incident.IncidentDeclaredEvent";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Configuration axon;

    @Autowired
    Serializer serializer;

    @Test
    void aFirstShapeDeclarationStillReads() {
        String incident = "legacy-" + UUID.randomUUID();
        byte[] firstShape = ("{\"incidentId\":\"" + incident + "\",\"title\":\"Checkout down\",\"severity\":\"SEV2\","
                + "\"startedAt\":\"2025-01-05T10:00:00Z\",\"detectedAt\":null,\"summary\":null,\"teams\":[\"ops\"],"
                + "\"components\":[\"db\"]}").getBytes(StandardCharsets.UTF_8);
        // As the first build's engine wrote it: no payload revision.
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                    + "meta_data, payload, payload_revision, payload_type, time_stamp) "
                    + "VALUES (?, 0, 'Incident', ?, ?, ?, NULL, ?, '2025-01-05T10:00:01.000Z')",
                incident, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), firstShape, DECLARED);
        ServiceClient client = new ServiceClient("http://localhost:" + port);

        assertThat(upcastByAxon(incident, firstShape).getType().getRevision()).isEqualTo("2");

        var history = client.get("/api/incidents/" + incident + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode declared = history.json().path("items").get(0).path("payload");
        assertThat(declared.path("title").asText()).isEqualTo("Checkout down");
        assertThat(declared.path("severity").asText()).isEqualTo("SEV2");
        assertThat(declared.path("startedAt").asText()).isEqualTo("2025-01-05T10:00:00Z");
        assertThat(declared.path("teams")).hasSize(1);
        assertThat(declared.path("components").get(0).asText()).isEqualTo("db");
        assertThat(declared.has("sourceId") && declared.get("sourceId").isNull()).as(declared.toString()).isTrue();
        assertThat(declared.has("durationMinutes") && declared.get("durationMinutes").isNull()).isTrue();
        assertThat(declared.path("impact").isArray() && declared.path("impact").isEmpty()).isTrue();
        assertThat(declared.path("references").isArray() && declared.path("references").isEmpty()).isTrue();

        // The projections pick the inserted row up as any newly stored event.
        var view = awaitIncidentView(client, incident, 1, Duration.ofSeconds(30)).json();
        assertThat(view.path("title").asText()).isEqualTo("Checkout down");
        assertThat(view.path("severity").asText()).isEqualTo("SEV2");
        assertThat(view.path("version").asLong()).isEqualTo(1);

        var recorded = client.post("/api/incidents/" + incident + "/timeline-entries", json("occurredAt",
                "2025-01-05T10:05:00Z", "team", "ops", "kind", "ACTION", "text", "Failed over the database"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.version()).isEqualTo(2);
    }

    /** The chain Axon's event store reads through, applied to the row as stored. */
    private IntermediateEventRepresentation upcastByAxon(String incident, byte[] payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Incident", incident, 0L,
                "event-1", "2025-01-05T10:00:01.000Z", DECLARED, null, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }
}
