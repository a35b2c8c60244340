package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The per-principal request budget, at five requests a minute. Each key has its own budget and one token comes back
 * only every twelve seconds, so every test spends the budget of keys no other test here uses: the checkout and
 * security keys, the facilitator's and the auditor's, and the client address's (all anonymous requests and wrong
 * keys from this machine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incident.data-dir=target/test-data/rate-limit-${random.uuid}",
                "incident.security.rate-limit.requests-per-minute=5"})
class RateLimitTest {

    private static final int BUDGET = 5;

    @LocalServerPort
    int port;

    ServiceClient facilitator;

    @BeforeEach
    void connect() {
        facilitator = new ServiceClient("http://localhost:" + port);
    }

    @Test
    void aKeyIsServedUntilItsBudgetIsSpentThenToldWhenToRetryWhileOtherKeysGoOn() {
        ServiceClient checkout = facilitator.withKey(ServiceClient.CHECKOUT_KEY);
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < BUDGET; i++) {
            var answer = checkout.get("/api/incidents");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Limit")).isEqualTo(Integer.toString(BUDGET));
            remaining.add(Long.parseLong(answer.header("RateLimit-Remaining")));
        }
        assertThat(remaining).containsExactly(4L, 3L, 2L, 1L, 0L);

        var refused = checkout.get("/api/incidents");
        assertRateLimited(refused);

        var other = facilitator.withKey(ServiceClient.SECURITY_KEY).get("/api/incidents");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void aFloodOfWritesPastTheBudgetStoresNothing() {
        var declared = facilitator.post("/api/incidents", json("title", "Flooded", "severity", "SEV3",
                "startedAt", "2026-03-02T09:00:00Z", "teams", List.of("checkout")));
        assertThat(declared.status()).isEqualTo(201);
        String base = "/api/incidents/" + declared.id();
        for (int i = 1; i < BUDGET; i++) {
            assertThat(facilitator.post(base + "/timeline-entries", entry(i)).status()).isEqualTo(201);
        }
        for (int i = BUDGET; i < 3 * BUDGET; i++) {
            assertRateLimited(facilitator.post(base + "/timeline-entries", entry(i)));
        }

        JsonNode events = facilitator.withKey(ServiceClient.AUDITOR_KEY).get(base + "/events").json();
        assertThat(events.path("total").asInt()).isEqualTo(BUDGET);
    }

    @Test
    void requestsWithoutAValidCredentialAreBudgetedByClientAddress() {
        ServiceClient anonymous = facilitator.withKey(null);
        ServiceClient guesser = facilitator.withKey("guessed-key-0123456789abcdef0123456789");
        for (int i = 0; i < 3; i++) {
            var answer = anonymous.get("/api/incidents");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("RateLimit-Remaining")).isEqualTo(Integer.toString(BUDGET - 1 - i));
        }
        // Guessing keys spends the same budget, or guessing would be the one thing without a limit.
        for (int i = 3; i < BUDGET; i++) {
            assertThat(guesser.get("/api/incidents").status()).isEqualTo(401);
        }
        assertRateLimited(guesser.get("/api/incidents"));
        assertRateLimited(anonymous.get("/api/incidents"));
        // Load balancers probe health without credentials, from one address, and are never refused.
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    private static void assertRateLimited(ServiceClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(answer.header("RateLimit-Remaining")).isEqualTo("0");
    }

    private static String entry(int i) {
        return json("occurredAt", "2026-03-02T09:20:00Z", "team", "checkout", "kind", "ACTION", "text", "Step " + i);
    }
}
