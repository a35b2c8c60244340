package org.incidentlearning.app;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ProblemAssertions.assertProblem;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The benchmark's bare endpoint, switched on as the benchmark does: a command-shaped answer through the same security
 * chain as commands, and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incident.data-dir=target/test-data/bare-${random.uuid}", "incident.bench.bare-endpoint=true"})
class BareEndpointTest {

    private static final String BODY = json("occurredAt", "2026-01-01T00:01:00Z", "team", "checkout",
            "kind", "OBSERVATION", "text", "Error rate above 20%");

    @LocalServerPort
    int port;

    ServiceClient facilitator;

    @BeforeEach
    void connect() {
        facilitator = new ServiceClient("http://localhost:" + port);
    }

    @Test
    void answersLikeACommandAndStoresNothing() {
        var answer = facilitator.post("/api/bench/bare", BODY);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("id").asText()).hasSize(36);
        assertThat(answer.json().path("version").asLong()).isEqualTo(1);
        assertThat(answer.header("Location")).isEqualTo("/api/bench/bare/" + answer.id());
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
        var events = facilitator.withKey(ServiceClient.AUDITOR_KEY).get("/api/events");
        assertThat(events.json().path("items")).isEmpty();
    }

    @Test
    void isAuthorizedLikeACommand() {
        assertThat(facilitator.withKey(ServiceClient.CHECKOUT_KEY).post("/api/bench/bare", BODY).status())
                .isEqualTo(201);
        assertProblem(facilitator.withKey(null).post("/api/bench/bare", BODY), 401, "UNAUTHENTICATED");
        for (String readOnly : List.of(ServiceClient.DASHBOARD_KEY, ServiceClient.AUDITOR_KEY)) {
            assertProblem(facilitator.withKey(readOnly).post("/api/bench/bare", BODY), 403, "ACCESS_DENIED");
        }
    }
}
