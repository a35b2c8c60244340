package org.incidentlearning.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;

/** The incident views are disposable: dropped and rebuilt from the events, they answer exactly as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/rebuild-${random.uuid}")
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStore eventStore;

    @Test
    void aReplayedProjectionGivesTheSameViews() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = client.post("/api/incidents", json("title", "Rebuild " + i, "severity", "SEV3",
                    "startedAt", "2026-0" + (i + 1) + "-01T00:00:00Z", "teams", List.of("ops", "team-" + i),
                    "components", List.of("cache", "api-" + (i % 2)))).id();
            client.post("/api/incidents/" + id + "/linkages", json("kind", "TECHNICAL", "from", "api-" + (i % 2),
                    "to", "cache", "description", "Reads through it after a deploy", "condition", "cold start"));
            client.post("/api/incidents/" + id + "/classify", json("labels", List.of("deploy", "cache")));
            incidents.add(id);
            var model = client.post("/api/incidents/" + id + "/mental-models",
                    json("team", "ops", "subject", "cache", "belief", "Warm after deploy " + i));
            var other = client.post("/api/incidents/" + id + "/mental-models",
                    json("team", "team-" + i, "subject", "cache", "belief", "Cold after deploy"));
            client.post("/api/incidents/" + id + "/divergences", json("mentalModelIds",
                    List.of(model.id(), other.id()), "description", "Cache state", "effect", "Slow start"));
            var remediation = client.post("/api/incidents/" + id + "/remediations",
                    json("team", "ops", "description", "Pre-warm"));
            client.post("/api/incidents/" + id + "/remediations/" + remediation.id() + "/decline",
                    json("rationale", "Rare", "acceptedRisk", "Slow first minute"));
            if (i > 0) {
                client.post("/api/incidents/" + id + "/recurrences", json("ofIncidentId", incidents.get(0),
                        "remediationId", firstRemediation(client, incidents.get(0))));
            }
        }
        Map<String, String> live = views(client, incidents);
        List<String> reads = List.of("/api/incidents?team=ops", "/api/teams/ops/context",
                "/api/hotspots?by=team&bucket=month", "/api/hotspots?by=component&bucket=year", "/api/map",
                "/api/remediations?size=500", "/api/learning/lens", "/api/search?q=deploy");
        Map<String, String> liveReads = client.bodies(reads);

        for (String name : List.of("incident-views", "learning-views")) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            awaitReplayed(processor);
        }

        assertThat(views(client, incidents)).isEqualTo(live);
        assertThat(client.bodies(reads)).isEqualTo(liveReads);
    }

    private static String firstRemediation(ServiceClient client, String incident) {
        return client.get("/api/incidents/" + incident).json().path("remediations").get(0).path("id").asText();
    }

    private static Map<String, String> views(ServiceClient client, List<String> incidents) {
        Map<String, String> views = new LinkedHashMap<>();
        incidents.forEach(id -> views.put(id, client.get("/api/incidents/" + id).body()));
        return views;
    }

    /** A segment may report "replaying" until it sees a newer event, so progress is judged by position. */
    private void awaitReplayed(StreamingEventProcessor processor) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        await(processor.getName() + " replayed up to " + head).atMost(Duration.ofSeconds(30))
                .until(processor::processingStatus, status -> replayedUpTo(status, head));
    }

    private static boolean replayedUpTo(Map<Integer, EventTrackerStatus> status, long head) {
        return !status.isEmpty() && status.values().stream()
                .allMatch(segment -> segment.isCaughtUp() && segment.getCurrentPosition().orElse(-1) >= head);
    }
}
