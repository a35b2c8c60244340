package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/** An event altered directly in the database is named by the verification, per incident and for the store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/tamper-${random.uuid}")
class TamperEvidenceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVerificationNamesTheFirstAlteredEvent() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        String incident = client.post("/api/incidents", json("title", "Tamper", "severity", "SEV2", "startedAt",
                "2026-02-01T09:00:00Z", "teams", List.of("ops"))).id();
        String untouched = client.post("/api/incidents", json("title", "Untouched", "severity", "SEV4",
                "startedAt", "2026-02-02T09:00:00Z", "teams", List.of("ops"))).id();
        for (String text : List.of("Paged on-call", "Restarted the broker", "Broker healthy")) {
            client.post("/api/incidents/" + incident + "/timeline-entries", json("occurredAt", "2026-02-01T09:05:00Z",
                    "team", "ops", "kind", "ACTION", "text", text));
        }
        JsonNode before = client.get("/api/incidents/" + incident + "/verification").json();
        assertThat(before.path("valid").asBoolean()).isTrue();
        assertThat(before.path("events").asInt()).isEqualTo(4);
        assertThat(before.path("firstBrokenSequence").isNull()).isTrue();
        String digestBefore = client.get("/api/verification").json().path("digest").asText();

        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                                             + "AND sequence_number = 2", byte[].class, incident);
        String altered = new String(payload, StandardCharsets.UTF_8).replace("Restarted the broker",
                "Did nothing");
        assertThat(jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? "
                               + "AND sequence_number = 2", altered.getBytes(StandardCharsets.UTF_8), incident))
                .isEqualTo(1);

        JsonNode after = client.get("/api/incidents/" + incident + "/verification").json();
        assertThat(after.path("valid").asBoolean()).isFalse();
        assertThat(after.path("firstBrokenSequence").asInt()).isEqualTo(3);
        assertThat(client.get("/api/incidents/" + untouched + "/verification").json().path("valid").asBoolean())
                .isTrue();
        JsonNode store = client.get("/api/verification").json();
        assertThat(store.path("valid").asBoolean()).isFalse();
        assertThat(store.path("brokenIncidents").get(0).path("incidentId").asText()).isEqualTo(incident);
        assertThat(store.path("digest").asText()).as("the stored hashes were not touched").isEqualTo(digestBefore);

        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3",
                incident);
        JsonNode truncated = client.get("/api/incidents/" + incident + "/verification").json();
        assertThat(truncated.path("firstBrokenSequence").asInt()).isEqualTo(3);
        assertThat(client.get("/api/incidents/nope/verification").status()).isEqualTo(404);
    }
}
