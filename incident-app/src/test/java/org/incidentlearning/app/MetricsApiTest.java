package org.incidentlearning.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The Prometheus endpoint shows what dashboards chart: commands accepted and refused by type (and refusal code),
 * each processor's lag, how long events take to reach the views, a replay's progress, an import's progress.
 * Tests switch metrics export off by default; it is switched back on here.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/metrics-${random.uuid}")
class MetricsApiTest {

    @LocalServerPort
    int port;

    @Test
    void prometheusShowsCommandsProjectionsAndReplays() {
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        ServiceClient admin = client.withKey(ServiceClient.ADMIN_KEY);
        String id = client.post("/api/incidents", json("title", "Metrics", "severity", "SEV3", "startedAt",
                "2026-03-02T09:00:00Z", "teams", List.of("checkout"))).id();
        assertThat(client.post("/api/incidents/" + id + "/remediations/nope/decline", json("rationale", "r",
                "acceptedRisk", "a")).status()).isEqualTo(404);
        assertThat(client.get("/api/incidents/" + id).status()).isEqualTo(200);

        String scrape = admin.get("/actuator/prometheus").body();
        assertThat(value(scrape, "incident_commands_total", "type=\"DeclareIncidentCommand\"",
                "outcome=\"accepted\"")).hasValue(1.0);
        assertThat(value(scrape, "incident_commands_total", "type=\"DecideNotToRemediateCommand\"",
                "outcome=\"rejected\"", "code=\"UNKNOWN_REMEDIATION\"")).hasValue(1.0);
        assertThat(value(scrape, "incident_projection_lag", "processor=\"incident-views\"")).hasValue(0.0);
        assertThat(value(scrape, "incident_projection_update_latency_seconds_count",
                "processor=\"incident-views\"").orElseThrow()).isGreaterThanOrEqualTo(1.0);
        assertThat(value(scrape, "incident_projection_replay_progress", "processor=\"incident-views\"")
                .orElseThrow()).as("no replay ran yet").isNaN();
        assertThat(value(scrape, "incident_import_lines")).hasValue(0.0);

        assertThat(admin.post("/api/admin/projections/incident-views/replay", "").status()).isEqualTo(202);
        await("the replay's progress reaches 1").atMost(Duration.ofSeconds(10))
                .until(() -> value(admin.get("/actuator/prometheus").body(), "incident_projection_replay_progress",
                        "processor=\"incident-views\""), progress -> progress.equals(OptionalDouble.of(1.0)));
    }

    /** The value of the first sample of {@code metric} that carries every one of {@code labels}. */
    private static OptionalDouble value(String scrape, String metric, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
