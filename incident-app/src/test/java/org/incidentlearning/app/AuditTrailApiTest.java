package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.awaitIncidentView;

/** What auditors rely on: who/when/why on every event, the global feed, as-of views, export and import. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/audit-${random.uuid}")
class AuditTrailApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyEventRecordsItsActorCorrelationCausationAndIdempotencyKey() {
        ServiceClient client = client();
        String incident = declare(client, "Metadata");
        var answer = client.post("/api/incidents/" + incident + "/contexts", json("team", "payments", "kind",
                "PRESSURE", "description", "Quarter end"), "X-Correlation-Id", "case-4711", "Idempotency-Key", "k-1");
        assertThat(answer.header("X-Correlation-Id")).isEqualTo("case-4711");
        // The authenticated principal is the actor; what a request claims about itself is not.
        client.withKey(ServiceClient.CHECKOUT_KEY).post("/api/incidents/" + incident + "/timeline-entries",
                json("team", "checkout", "kind", "ACTION", "text", "Paused the batch", "occurredAt",
                        "2026-01-01T09:10:00Z"), "X-Actor", "incident-commander");

        List<JsonNode> events = items(client.get("/api/incidents/" + incident + "/events").json());
        JsonNode context = events.get(1).path("metadata");
        assertThat(context.path("actor").asText()).isEqualTo("test-facilitator");
        assertThat(context.path("correlationId").asText()).isEqualTo("case-4711");
        assertThat(context.path("idempotencyKey").asText()).isEqualTo("k-1");
        assertThat(context.path("causationId").asText()).isNotBlank().isNotEqualTo(events.get(1).path("eventId").asText());
        JsonNode byTeam = events.get(2).path("metadata");
        assertThat(byTeam.path("actor").asText()).isEqualTo("checkout-ci");
        assertThat(byTeam.path("correlationId").asText()).isNotBlank().isNotEqualTo("case-4711");
        assertThat(byTeam.has("idempotencyKey")).isFalse();
    }

    @Test
    void theGlobalFeedPagesThroughEveryEventInCommitOrderWithoutSkipsOrRepeats() {
        ServiceClient client = client();
        for (int i = 0; i < 4; i++) {
            String incident = declare(client, "Feed " + i);
            client.post("/api/incidents/" + incident + "/mental-models", json("team", "security", "subject", "vpn",
                    "belief", "Tunnel " + i + " is redundant"));
        }
        long stored = StreamSupport.stream(client.get("/api/incidents?size=500").json().path("items").spliterator(),
                false).mapToLong(item -> item.path("version").asLong()).sum();
        List<Long> positions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long after = 0;
        while (true) {
            JsonNode page = client.get("/api/events?after=" + after + "&size=3").json();
            List<JsonNode> items = items(page);
            if (items.isEmpty()) {
                break;
            }
            items.forEach(item -> {
                positions.add(item.path("position").asLong());
                ids.add(item.path("eventId").asText());
                assertThat(item.path("hash").asText()).hasSize(64);
                assertThat(item.path("actor").asText()).isNotBlank();
            });
            after = page.path("next").asLong();
        }
        assertThat(positions).hasSize((int) stored).isSorted().doesNotHaveDuplicates();
        assertThat(ids).hasSize((int) stored);

        List<JsonNode> models = items(client.get("/api/events?type=MentalModelRecordedEvent&size=1000").json());
        assertThat(models).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(item -> assertThat(item.path("type").asText()).isEqualTo("MentalModelRecordedEvent"));
        assertThat(items(client.get("/api/events?team=security&size=1000").json()))
                .allSatisfy(item -> assertThat(item.toString()).contains("security"));
        assertThat(items(client.get("/api/events?from=2999-01-01T00:00:00Z").json())).isEmpty();
    }

    @Test
    void pagingWhileTeamsKeepWritingNeitherSkipsNorRepeatsAnEvent() throws Exception {
        ServiceClient client = client();
        String incident = declare(client, "Busy feed");
        long start = StreamSupport.stream(client.get("/api/events?size=1000").json().path("items").spliterator(),
                false).mapToLong(item -> item.path("position").asLong()).max().orElse(0);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 60; i++) {
                client.post("/api/incidents/" + incident + "/timeline-entries", json("occurredAt",
                        "2026-01-01T10:00:00Z", "team", "payments", "kind", "ACTION", "text", "step " + i));
            }
        });
        writer.start();
        List<String> read = new ArrayList<>();
        long after = start;
        while (writer.isAlive()) {
            JsonNode page = client.get("/api/events?after=" + after + "&size=7").json();
            items(page).forEach(item -> read.add(item.path("eventId").asText()));
            after = page.path("next").asLong();
        }
        writer.join();
        JsonNode rest;
        do {
            rest = client.get("/api/events?after=" + after + "&size=7").json();
            items(rest).forEach(item -> read.add(item.path("eventId").asText()));
            after = rest.path("next").asLong();
        } while (!items(rest).isEmpty());

        List<String> stored = items(client.get("/api/events?after=" + start + "&size=1000").json()).stream()
                .map(item -> item.path("eventId").asText()).toList();
        assertThat(stored).hasSize(60);
        assertThat(read).containsExactlyElementsOf(stored);
    }

    @Test
    void anIncidentAsOfAMomentShowsWhatWasBelievedThen() {
        ServiceClient client = client();
        String incident = declare(client, "As of");
        String base = "/api/incidents/" + incident;
        var entry = client.post(base + "/timeline-entries", json("occurredAt", "2026-01-01T10:00:00Z", "team",
                "payments", "kind", "OBSERVATION", "text", "Latency looked normal"));
        var context = client.post(base + "/contexts", json("team", "payments", "kind", "PRESSURE",
                "description", "Freeze week"));
        client.post(base + "/entries/" + entry.id() + "/amend", json("changes", java.util.Map.of("text",
                "Latency was already rising"), "reason", "Dashboard was cached"));
        client.post(base + "/entries/" + context.id() + "/retract", json("reason", "Wrong incident"));
        // The moment the context was recorded, as the store has it: then, the amendment was not yet recorded.
        List<JsonNode> history = items(client.get(base + "/events").json());
        Instant believedThen = Instant.parse(history.get(2).path("timestamp").asText());
        assertThat(Instant.parse(history.get(3).path("timestamp").asText())).isAfter(believedThen);

        JsonNode then = client.get(base + "?asOf=" + believedThen).json();
        assertThat(then.path("version").asInt()).isEqualTo(3);
        assertThat(then.path("timeline").get(0).path("text").asText()).isEqualTo("Latency looked normal");
        assertThat(then.path("contexts")).hasSize(1);
        JsonNode now = client.get(base).json();
        assertThat(now.path("version").asInt()).isEqualTo(5);
        assertThat(now.path("timeline").get(0).path("text").asText()).isEqualTo("Latency was already rising");
        assertThat(now.path("contexts")).isEmpty();
        assertThat(client.get(base + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        JsonNode teamThen = client.get("/api/teams/payments/context?asOf=" + believedThen).json();
        assertThat(teamThen.path("contexts").toString()).contains("Freeze week");
    }

    @Test
    void anExportRebuildsAnIdenticalServiceAndAnAlteredExportIsRefusedWhole() throws Exception {
        ServiceClient client = client();
        String incident = declare(client, "Exported");
        var model = client.post("/api/incidents/" + incident + "/mental-models", json("team", "payments",
                "subject", "queue", "belief", "It drains itself"));
        var other = client.post("/api/incidents/" + incident + "/mental-models", json("team", "platform",
                "subject", "queue", "belief", "It needs a consumer restart"));
        client.post("/api/incidents/" + incident + "/divergences", json("mentalModelIds",
                List.of(model.id(), other.id()), "description", "Who restarts", "effect", "Nobody did"));
        String export = client.get("/api/export").body();
        List<String> incidents = StreamSupport.stream(client.get("/api/incidents?size=500").json().path("items")
                .spliterator(), false).map(item -> item.path("id").asText()).toList();

        Path elsewhere = Files.createTempDirectory("import-");
        try (ConfigurableApplicationContext copy = new SpringApplicationBuilder(IncidentLearningApplication.class)
                .run("--server.port=0", "--incident.data-dir=" + elsewhere)) {
            ServiceClient imported = new ServiceClient("http://localhost:"
                    + ((WebServerApplicationContext) copy).getWebServer().getPort());
            String altered = export.replaceFirst("It drains itself", "It never drains");
            var refused = imported.postRaw("/api/import", "application/x-ndjson", altered);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("does not match its hash chain");
            assertThat(imported.get("/api/verification").json().path("events").asInt()).isZero();

            var accepted = imported.postRaw("/api/import", "application/x-ndjson", export);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().path("events").asLong()).isEqualTo(export.lines().count());
            // The copy's views build asynchronously from the imported events.
            for (String id : incidents) {
                var original = client.get("/api/incidents/" + id);
                assertThat(awaitIncidentView(imported, id, original.version(), Duration.ofSeconds(30)).body())
                        .isEqualTo(original.body());
            }
            assertThat(withoutPositions(imported.get("/api/export").body()))
                    .as("positions are the importing store's own; everything else is identical")
                    .isEqualTo(withoutPositions(export));
            JsonNode verification = imported.get("/api/verification").json();
            assertThat(verification.path("valid").asBoolean()).isTrue();
            assertThat(verification.path("digest").asText())
                    .isEqualTo(client.get("/api/verification").json().path("digest").asText());
            var again = imported.postRaw("/api/import", "application/x-ndjson", export);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("code").asText()).isEqualTo("STORE_NOT_EMPTY");
        }
    }

    private static String withoutPositions(String ndjson) {
        return ndjson.replaceAll("\\{\"position\":\\d+,", "{");
    }

    private ServiceClient client() {
        return new ServiceClient("http://localhost:" + port);
    }

    private static String declare(ServiceClient client, String title) {
        return client.post("/api/incidents", json("title", title, "severity", "SEV3", "startedAt",
                "2026-01-01T09:00:00Z", "teams", List.of("payments"))).id();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }
}
