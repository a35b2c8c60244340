package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.PROJECTIONS;
import static org.incidentlearning.app.ViewsCatchUp.awaitReplayed;

/** Operators replay the projections over HTTP, watch them catch up, and get the same answers as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/admin-${random.uuid}")
class ProjectionAdminApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayOfAllProjectionsIsWatchedToTheEndAndAnswersAsBefore() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        List<String> incidents = declareSome(client);
        List<String> reads = new ArrayList<>(incidents.stream().map(id -> "/api/incidents/" + id).toList());
        reads.addAll(List.of("/api/map", "/api/remediations?size=500", "/api/search?q=cache"));
        Map<String, String> before = client.bodies(reads);

        var accepted = client.post("/api/admin/projections/replay", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long head = storedEvents();
        for (JsonNode projection : byName(accepted.json()).values()) {
            assertThat(projection.path("replay").path("resetPosition").asLong()).isEqualTo(head);
            assertThat(projection.path("replay").path("progress").asDouble()).isBetween(0.0, 1.0);
        }
        // Reads are answered while the views are rebuilt, possibly from a part of them.
        assertThat(client.get("/api/map").status()).isEqualTo(200);

        JsonNode replayed = awaitReplayed(client, Duration.ofSeconds(30));
        byName(replayed).values().forEach(projection -> {
            assertThat(projection.path("running").asBoolean()).isTrue();
            assertThat(projection.path("position").asLong()).isEqualTo(head);
            assertThat(projection.path("segments")).hasSize(2);
        });
        assertThat(client.bodies(reads)).isEqualTo(before);
    }

    @Test
    void theStatusListsBothProjectionsAgainstTheNumberOfStoredEvents() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        declareSome(client);

        var answer = client.get("/api/admin/projections");

        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> projections = byName(answer.json());
        assertThat(projections).containsKeys(PROJECTIONS.toArray(String[]::new));
        long stored = storedEvents();
        PROJECTIONS.forEach(name -> {
            JsonNode projection = projections.get(name);
            assertThat(projection.path("head").asLong()).as(name).isEqualTo(stored);
            assertThat(projection.path("lag").asLong()).as(name).isBetween(0L, stored);
        });
        var one = client.get("/api/admin/projections/incident-views");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("name").asText()).isEqualTo("incident-views");
    }

    @Test
    void anUnknownProjectionIsAProblem() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);

        for (var answer : List.of(client.post("/api/admin/projections/no-such-views/replay", ""),
                client.get("/api/admin/projections/no-such-views"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).isEqualTo("UNKNOWN_PROJECTION");
            assertThat(answer.json().path("detail").asText()).contains("incident-views", "learning-views");
        }
    }

    private static List<String> declareSome(ServiceClient client) {
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = created(client.post("/api/incidents", json("title", "Replay " + i, "severity", "SEV2",
                    "startedAt", "2026-03-0" + (i + 1) + "T08:00:00Z", "teams", List.of("ops", "team-" + i),
                    "components", List.of("cache", "api-" + i)))).id();
            created(client.post("/api/incidents/" + id + "/linkages", json("kind", "TECHNICAL", "from", "api-" + i,
                    "to", "cache", "description", "Reads through the cache", "condition", "cold start")));
            created(client.post("/api/incidents/" + id + "/mental-models",
                    json("team", "ops", "subject", "cache", "belief", "The cache is warm after a deploy")));
            created(client.post("/api/incidents/" + id + "/remediations",
                    json("team", "ops", "description", "Pre-warm")));
            incidents.add(id);
        }
        return incidents;
    }

    private static ServiceClient.Answer created(ServiceClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static Map<String, JsonNode> byName(JsonNode page) {
        Map<String, JsonNode> projections = new LinkedHashMap<>();
        StreamSupport.stream(page.path("items").spliterator(), false)
                .forEach(projection -> projections.put(projection.path("name").asText(), projection));
        return projections;
    }
}
