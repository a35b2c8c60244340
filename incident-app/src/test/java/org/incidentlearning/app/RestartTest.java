package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/** A restart on the same data directory keeps every event, view, idempotency key and version. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void everythingSurvivesARestartOnTheSameDataDirectory() {
        String incident;
        String viewBefore;
        String eventsBefore;
        String key = "restart-key";
        String body = json("team", "ops", "kind", "CONSTRAINT", "description", "Only one on-call engineer");
        ServiceClient.Answer first;
        try (ConfigurableApplicationContext service = start()) {
            ServiceClient client = client(service);
            incident = client.post("/api/incidents", json("title", "Restart", "severity", "SEV3",
                    "startedAt", "2026-01-05T10:00:00Z", "teams", List.of("ops"))).id();
            first = client.post("/api/incidents/" + incident + "/contexts", body, "Idempotency-Key", key);
            client.post("/api/incidents/" + incident + "/remediations", json("team", "ops", "description", "Hire"));
            viewBefore = client.get("/api/incidents/" + incident).body();
            eventsBefore = client.get("/api/incidents/" + incident + "/events").body();
        }

        try (ConfigurableApplicationContext service = start()) {
            ServiceClient client = client(service);
            assertThat(client.get("/api/incidents/" + incident).body()).isEqualTo(viewBefore);
            assertThat(client.get("/api/incidents/" + incident + "/events").body()).isEqualTo(eventsBefore);
            var retried = client.post("/api/incidents/" + incident + "/contexts", body, "Idempotency-Key", key);
            assertThat(retried.body()).isEqualTo(first.body());
            var next = client.post("/api/incidents/" + incident + "/timeline-entries", json("occurredAt",
                    "2026-01-05T10:05:00Z", "team", "ops", "kind", "ACTION", "text", "Paged the lead"));
            assertThat(next.version()).isEqualTo(4);
            JsonNode view = client.get("/api/incidents/" + incident).json();
            assertThat(view.path("version").asInt()).isEqualTo(4);
            assertThat(view.path("timeline")).hasSize(1);
            assertThat(view.path("contexts")).hasSize(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IncidentLearningApplication.class)
                .run("--server.port=0", "--incident.data-dir=" + dataDir);
    }

    private static ServiceClient client(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return new ServiceClient("http://localhost:" + port);
    }
}
