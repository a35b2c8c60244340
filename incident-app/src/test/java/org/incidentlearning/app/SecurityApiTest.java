package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ProblemAssertions.assertProblem;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * Who may do what, over HTTP against the whole service: credentials, roles, teams acting in their own name only,
 * the actor on events, operational endpoints, response headers and API key management.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/security-${random.uuid}")
@AutoConfigureObservability(tracing = false) // tests turn metrics export off, and with it the prometheus endpoint
class SecurityApiTest {

    @LocalServerPort
    int port;

    ServiceClient facilitator;
    ServiceClient checkout;
    ServiceClient security;
    ServiceClient auditor;
    ServiceClient dashboard;
    ServiceClient admin;
    ServiceClient anonymous;

    @BeforeEach
    void connect() {
        facilitator = new ServiceClient("http://localhost:" + port);
        checkout = facilitator.withKey(ServiceClient.CHECKOUT_KEY);
        security = facilitator.withKey(ServiceClient.SECURITY_KEY);
        auditor = facilitator.withKey(ServiceClient.AUDITOR_KEY);
        dashboard = facilitator.withKey(ServiceClient.DASHBOARD_KEY);
        admin = facilitator.withKey(ServiceClient.ADMIN_KEY);
        anonymous = facilitator.withKey(null);
    }

    @Test
    void aRequestWithoutCredentialsIsChallengedForABearerToken() {
        var read = anonymous.get("/api/incidents");
        assertProblem(read, 401, "UNAUTHENTICATED");
        assertThat(read.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
        assertProblem(anonymous.post("/api/incidents", declaration("Anonymous", List.of("checkout"))), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void theServiceAloneHasNoBenchmarkEndpoint() {
        assertProblem(facilitator.post("/api/bench/bare", json("text", "anything")), 403, "ACCESS_DENIED");
    }

    @Test
    void anUnknownKeyIsAnInvalidToken() {
        var refused = facilitator.withKey("no-such-key-0123456789abcdef0123456789").get("/api/incidents");
        assertProblem(refused, 401, "UNAUTHENTICATED");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
    }

    @Test
    void basicCredentialsAndKeysInTheQueryStringAreNotAccepted() {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ServiceClient.ADMIN_KEY)
                .getBytes(StandardCharsets.UTF_8));
        assertProblem(anonymous.request("GET", "/api/admin/api-keys", "Authorization", "Basic " + basic), 401,
                "UNAUTHENTICATED");
        // A key in a URL ends up in access logs and browser histories.
        assertProblem(anonymous.get("/api/incidents?access_token=" + ServiceClient.FACILITATOR_KEY), 401,
                "UNAUTHENTICATED");
    }

    @Test
    void aTeamRecordsInItsOwnNameOnly() {
        String base = incident(List.of("checkout", "security"));

        assertProblem(checkout.post(base + "/timeline-entries", entry("security", "Security restarted the proxy")),
                403, "NOT_YOUR_TEAM");
        assertProblem(checkout.post(base + "/remediations", json("team", "security", "description",
                "Security should rotate the certificates")), 403, "NOT_YOUR_TEAM");
        assertThat(eventsOf(base)).isEqualTo(1);

        assertThat(checkout.post(base + "/timeline-entries", entry("checkout", "Checkout paused payouts")).status())
                .isEqualTo(201);
        assertThat(eventsOf(base)).isEqualTo(2);
    }

    @Test
    void onlyTheOwningTeamDecidesAboutItsRemediation() {
        String base = incident(List.of("checkout", "security"));
        var remediation = security.post(base + "/remediations", json("team", "security",
                "description", "Inventory which services load the legacy options"));
        assertThat(remediation.status()).as(remediation.body()).isEqualTo(201);
        String path = base + "/remediations/" + remediation.id();

        assertProblem(checkout.post(path + "/prioritize", json("priority", "HIGH", "rationale", "Blocks us")), 403,
                "NOT_YOUR_TEAM");
        assertProblem(checkout.post(path + "/decline", json("rationale", "Not worth it",
                "acceptedRisk", "Another outage", "revisitBy", "2026-09-01")), 403, "NOT_YOUR_TEAM");
        assertThat(eventsOf(base)).isEqualTo(2);

        assertThat(security.post(path + "/prioritize", json("priority", "HIGH", "rationale", "Blind spot"))
                .status()).isEqualTo(200);
        assertThat(security.post(path + "/decline", json("rationale", "A quarter of work",
                "acceptedRisk", "Rare outages", "revisitBy", "2026-09-01")).status()).isEqualTo(200);
        assertThat(eventsOf(base)).isEqualTo(4);
    }

    @Test
    void aTeamNotInvolvedMayClassifyOrResolveOnlyOnceItRecordedAnEntryInItsOwnName() {
        String base = incident(List.of("checkout"));

        assertProblem(security.post(base + "/classify", json("labels", List.of("dependency"))), 403, "NOT_YOUR_TEAM");
        assertProblem(security.post(base + "/resolve", json("resolvedAt", "2026-03-02T10:00:00Z")), 403,
                "NOT_YOUR_TEAM");
        assertThat(eventsOf(base)).isEqualTo(1);

        assertThat(security.post(base + "/timeline-entries", entry("security", "Security saw the TLS errors"))
                .status()).isEqualTo(201);
        assertThat(security.post(base + "/classify", json("labels", List.of("dependency"))).status()).isEqualTo(200);
        assertThat(security.post(base + "/resolve", json("resolvedAt", "2026-03-02T10:00:00Z")).status())
                .isEqualTo(200);
        assertThat(eventsOf(base)).isEqualTo(4);
    }

    @Test
    void aTeamDeclaresOnlyIncidentsItsTeamIsInvolvedIn() {
        long before = storedEvents();
        assertProblem(checkout.post("/api/incidents", declaration("Not ours", List.of("security"))), 403,
                "NOT_YOUR_TEAM");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(checkout.post("/api/incidents", declaration("Shared", List.of("security", "checkout"))).status())
                .isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aTeamMayNotAmendOrRetractAnotherTeamsEntry() {
        String base = incident(List.of("checkout", "security"));
        var entry = checkout.post(base + "/timeline-entries", entry("checkout", "Rolled back the deploy"));
        String path = base + "/entries/" + entry.id();

        assertProblem(security.post(path + "/amend", json("changes", Map.of("text", "Security rolled back"),
                "reason", "We did it")), 403, "NOT_YOUR_TEAM");
        assertProblem(security.post(path + "/retract", json("reason", "Never happened")), 403, "NOT_YOUR_TEAM");
        // An entry's team is not amendable at all, so no team can hand its entries to another.
        assertProblem(checkout.post(path + "/amend", json("changes", Map.of("team", "security"),
                "reason", "Handing it over")), 400, "INVALID_INPUT");
        assertThat(eventsOf(base)).isEqualTo(2);

        assertThat(checkout.post(path + "/amend", json("changes", Map.of("text", "Rolled back deploy 42"),
                "reason", "Which deploy")).status()).isEqualTo(200);
        assertThat(checkout.post(path + "/retract", json("reason", "Wrong incident")).status()).isEqualTo(200);
        assertThat(eventsOf(base)).isEqualTo(4);
    }

    @Test
    void aFacilitatorRecordsForAnyTeam() {
        String base = incident(List.of("checkout"));
        for (String team : List.of("checkout", "security", "payments")) {
            assertThat(facilitator.post(base + "/timeline-entries", entry(team, "What " + team + " saw")).status())
                    .isEqualTo(201);
        }
        assertThat(eventsOf(base)).isEqualTo(4);
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String base = incident(List.of("checkout"));
        long before = storedEvents();

        assertProblem(auditor.post("/api/incidents", declaration("Audited", List.of("checkout"))), 403,
                "ACCESS_DENIED");
        assertProblem(auditor.post(base + "/timeline-entries", entry("checkout", "Auditor note")), 403,
                "ACCESS_DENIED");
        assertProblem(auditor.post(base + "/classify", json("labels", List.of("audit"))), 403, "ACCESS_DENIED");
        assertProblem(auditor.post("/api/admin/api-keys", json("name", "auditor-made", "roles", List.of("AUDITOR"))),
                403, "ACCESS_DENIED");
        assertProblem(auditor.postRaw("/api/import", "application/x-ndjson", ""), 403, "ACCESS_DENIED");
        assertThat(storedEvents()).isEqualTo(before);

        for (String path : List.of(base + "/events", base + "/verification", "/api/events", "/api/export",
                "/api/verification", base, "/api/incidents", "/api/admin/api-keys")) {
            assertThat(auditor.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(auditor.get("/api/export").body()).contains(base.substring("/api/incidents/".length()));
    }

    @Test
    void aDashboardReadsTheViewsButNeitherRawEventsNorWrites() {
        String base = incident(List.of("checkout"));

        for (String path : List.of("/api/incidents", base, "/api/hotspots", "/api/map", "/api/remediations",
                "/api/teams/checkout/context")) {
            assertThat(dashboard.get(path).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of(base + "/events", base + "/verification", "/api/events", "/api/export",
                "/api/verification", "/api/admin/api-keys")) {
            assertProblem(dashboard.get(path), 403, "ACCESS_DENIED");
        }
        assertProblem(dashboard.post(base + "/timeline-entries", entry("checkout", "Wallboard note")), 403,
                "ACCESS_DENIED");
        assertThat(eventsOf(base)).isEqualTo(1);
    }

    @Test
    void healthIsPublicAndSaysNothingButUp() {
        var health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsAreForAdminsOnly() {
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus")) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
            assertProblem(auditor.get(path), 403, "ACCESS_DENIED");
            assertProblem(checkout.get(path), 403, "ACCESS_DENIED");
            assertProblem(anonymous.get(path), 401, "UNAUTHENTICATED");
        }
        assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void apiAnswersCarrySecurityHeaders() {
        var answer = checkout.get("/api/incidents");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void answersCarryTheRateLimit() {
        // The test budget refills faster than requests come; RateLimitTest watches it shrink.
        var answer = security.get("/api/incidents");
        assertThat(answer.header("RateLimit-Limit")).isEqualTo("1000000");
        assertThat(Long.parseLong(answer.header("RateLimit-Remaining"))).isBetween(0L, 999_999L);
        assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isPositive();
        // Refusals are budgeted too, or a client could probe without limit.
        var refused = dashboard.post("/api/incidents", declaration("Refused", List.of("checkout")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("RateLimit-Remaining")).isNotNull();
    }

    @Test
    void theActorOnAnEventIsTheAuthenticatedPrincipalWhateverTheRequestClaims() {
        String base = incident(List.of("checkout"));
        var entry = checkout.post(base + "/timeline-entries", entry("checkout", "Scaled the pool"),
                "X-Actor", "incident-commander");
        assertThat(entry.status()).isEqualTo(201);

        List<JsonNode> events = events(base);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("metadata").path("actor").asText()).isEqualTo("test-facilitator");
        assertThat(events.get(1).path("metadata").path("actor").asText()).isEqualTo("checkout-ci");
    }

    @Test
    void anAdminCreatesATeamKeyThatRecordsInItsTeamsName() {
        var created = admin.post("/api/admin/api-keys", json("name", "payments-ci", "team", "payments",
                "roles", List.of("TEAM")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().path("key").asText();
        assertThat(key).hasSize(43);
        assertThat(created.header("Location")).isEqualTo("/api/admin/api-keys/" + created.id());
        assertThat(created.json().path("createdBy").asText()).isEqualTo("admin");

        ServiceClient payments = facilitator.withKey(key);
        var declared = payments.post("/api/incidents", declaration("Payments outage", List.of("payments")));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String base = "/api/incidents/" + declared.id();
        assertThat(payments.post(base + "/timeline-entries", entry("payments", "Queued the refunds")).status())
                .isEqualTo(201);
        assertProblem(payments.post(base + "/timeline-entries", entry("checkout", "Checkout did it")), 403,
                "NOT_YOUR_TEAM");
        assertThat(events(base)).extracting(event -> event.path("metadata").path("actor").asText())
                .containsExactly("payments-ci", "payments-ci");

        var listed = admin.get("/api/admin/api-keys");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains("payments-ci").doesNotContain(key);
        JsonNode listedKey = StreamSupport.stream(listed.json().path("items").spliterator(), false)
                .filter(item -> item.path("name").asText().equals("payments-ci")).findFirst().orElseThrow();
        assertThat(listedKey.path("key").isNull() || listedKey.path("key").isMissingNode()).isTrue();
        var one = admin.get(created.header("Location"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("team").asText()).isEqualTo("payments");
        assertThat(one.body()).doesNotContain(key);
    }

    @Test
    void auditorsMayListKeysButTeamsAndDashboardsMayNot() {
        assertThat(auditor.get("/api/admin/api-keys").status()).isEqualTo(200);
        assertProblem(checkout.get("/api/admin/api-keys"), 403, "ACCESS_DENIED");
        assertProblem(dashboard.get("/api/admin/api-keys"), 403, "ACCESS_DENIED");
        assertProblem(checkout.post("/api/admin/api-keys", json("name", "self-made", "team", "checkout",
                "roles", List.of("ADMIN"))), 403, "ACCESS_DENIED");
    }

    @Test
    void aKeyIsRefusedWhenItsTeamIsMissingOrItsNameIsTaken() {
        assertProblem(admin.post("/api/admin/api-keys", json("name", "teamless", "roles", List.of("TEAM"))), 400,
                "INVALID_INPUT");
        assertThat(admin.post("/api/admin/api-keys", json("name", "ops-ci", "team", "ops", "roles",
                List.of("TEAM"))).status()).isEqualTo(201);
        assertProblem(admin.post("/api/admin/api-keys", json("name", "ops-ci", "team", "ops", "roles",
                List.of("TEAM"))), 409, "KEY_NAME_TAKEN");
        // A configured key's name is an actor in the audit trail as well.
        assertProblem(admin.post("/api/admin/api-keys", json("name", "checkout-ci", "team", "checkout", "roles",
                List.of("TEAM"))), 409, "KEY_NAME_TAKEN");
        var names = admin.get("/api/admin/api-keys").json().path("items").findValuesAsText("name");
        assertThat(names).contains("ops-ci").doesNotContain("teamless", "checkout-ci");
        assertThat(names.stream().filter("ops-ci"::equals)).hasSize(1);
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        var created = admin.post("/api/admin/api-keys", json("name", "wallboard-2", "roles", List.of("DASHBOARD")));
        ServiceClient wallboard = facilitator.withKey(created.json().path("key").asText());
        assertThat(wallboard.get("/api/incidents").status()).isEqualTo(200);

        var revoked = admin.post(created.header("Location") + "/revoke", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("admin");
        String revokedAt = revoked.json().path("revokedAt").asText();
        assertThat(revokedAt).isNotBlank();
        assertProblem(wallboard.get("/api/incidents"), 401, "UNAUTHENTICATED");

        var again = admin.post(created.header("Location") + "/revoke", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("revokedAt").asText()).isEqualTo(revokedAt);
        assertProblem(wallboard.get("/api/incidents"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnknownKeyIdIsNotFound() {
        assertProblem(admin.get("/api/admin/api-keys/no-such-key"), 404, "UNKNOWN_API_KEY");
        assertProblem(admin.post("/api/admin/api-keys/no-such-key/revoke", "{}"), 404, "UNKNOWN_API_KEY");
    }

    /** A new incident declared by the facilitator, who may name any teams. */
    private String incident(List<String> teams) {
        var declared = facilitator.post("/api/incidents", declaration("Deploy failed", teams));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        return "/api/incidents/" + declared.id();
    }

    private static String declaration(String title, List<String> teams) {
        return json("title", title, "severity", "SEV2", "startedAt", "2026-03-02T09:00:00Z", "teams", teams);
    }

    private static String entry(String team, String text) {
        return json("occurredAt", "2026-03-02T09:20:00Z", "team", team, "kind", "ACTION", "text", text);
    }

    /** Counted by the auditor, from the store itself rather than a view. */
    private int eventsOf(String incident) {
        return auditor.get(incident + "/events").json().path("total").asInt();
    }

    private List<JsonNode> events(String incident) {
        return StreamSupport.stream(auditor.get(incident + "/events").json().path("items").spliterator(), false)
                .toList();
    }

    private long storedEvents() {
        return auditor.get("/api/verification").json().path("events").asLong();
    }
}
