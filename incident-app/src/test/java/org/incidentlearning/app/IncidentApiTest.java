package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ProblemAssertions.assertProblem;
import static org.incidentlearning.app.ServiceClient.json;

/** The public REST contract, driven over HTTP against the whole service on an H2 file store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/api-${random.uuid}")
class IncidentApiTest {

    @LocalServerPort
    int port;

    ServiceClient client;

    @BeforeEach
    void connect() {
        client = new ServiceClient("http://localhost:" + port);
    }

    @Test
    void theArticlesStoryIsRecordedAsEventsAndReadBackInTheIncidentView() {
        String incident = declare("Deploy failed after networking library options were disabled", "2026-03-02T09:00:00Z",
                List.of("security", "checkout"), List.of("netlib", "checkout-api"));
        String base = "/api/incidents/" + incident;

        assertCreated(client.post(base + "/timeline-entries", json("occurredAt", "2026-03-02T09:20:00Z",
                "team", "checkout", "kind", "ACTION", "text", "Rolled back the deploy")), 2);
        assertCreated(client.post(base + "/timeline-entries", json("occurredAt", "2026-03-02T09:05:00+01:00",
                "team", "checkout", "kind", "OBSERVATION", "text", "Error rate on checkout-api above 20%")), 3);
        var security = client.post(base + "/mental-models", json("team", "security", "subject", "netlib",
                "belief", "Nobody uses the legacy options any more; disabling them is safe"));
        var checkout = client.post(base + "/mental-models", json("team", "checkout", "subject", "netlib",
                "belief", "Our pinned netlib version is not affected by security's changes",
                "heldAt", "2026-03-01T12:00:00Z"));
        var divergence = client.post(base + "/divergences", json("mentalModelIds",
                List.of(security.id(), checkout.id()), "description", "Security believed the options were unused; "
                + "checkout relied on them", "effect", "Nobody looked at the library change during the first hour"));
        assertCreated(divergence, 6);
        var pressure = client.post(base + "/contexts", json("team", "checkout", "kind", "PRESSURE",
                "description", "Release had to ship before the sales event"));
        assertCreated(client.post(base + "/coordinations", json("team", "checkout", "kind", "ESCALATION",
                "withTeams", List.of("security"), "description", "Paged security after two rollbacks")), 8);
        assertCreated(client.post(base + "/linkages", json("kind", "TECHNICAL", "from", "checkout-api",
                "to", "netlib", "description", "checkout-api still loads the legacy options",
                "condition", "only when TLS renegotiation fails", "believedAbsent", true)), 9);
        assertCreated(client.post(base + "/linkages", json("kind", "SOCIAL", "from", "security", "to", "checkout",
                "description", "Security has no data on which teams use which library version")), 10);
        var tracking = client.post(base + "/remediations", json("team", "security",
                "description", "Track netlib version use across services"));
        assertThat(client.post(base + "/remediations/" + tracking.id() + "/prioritize",
                json("priority", "HIGH", "rationale", "Blind spot for every library change")).status()).isEqualTo(200);
        assertThat(client.post(base + "/remediations/" + tracking.id() + "/complete",
                json("note", "Version inventory dashboard live")).status()).isEqualTo(200);
        var migrate = client.post(base + "/remediations", json("team", "checkout",
                "description", "Migrate off the legacy netlib options"));
        var declined = client.post(base + "/remediations/" + migrate.id() + "/decline", json(
                "rationale", "A migration costs a quarter; the failure mode needs a rare TLS error",
                "acceptedRisk", "Short checkout outages when renegotiation fails", "revisitBy", "2026-09-01"));
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().path("version").asLong()).isEqualTo(15);
        assertThat(client.post(base + "/classify", json("labels", List.of("dependency", "configuration-change")))
                .status()).isEqualTo(200);
        assertThat(client.post(base + "/entries/" + pressure.id() + "/retract",
                json("reason", "Recorded on the wrong incident")).status()).isEqualTo(200);
        assertThat(client.post(base + "/resolve", json("resolvedAt", "2026-03-02T10:30:00Z")).status())
                .isEqualTo(200);
        assertThat(client.post(base + "/close-analysis", json("conclusion", "Shared map updated")).status())
                .isEqualTo(200);

        var refused = client.post(base + "/timeline-entries", json("occurredAt", "2026-03-02T11:00:00Z",
                "team", "security", "kind", "DECISION", "text", "Too late"));
        assertProblem(refused, 409, "ANALYSIS_CLOSED");
        assertThat(client.post(base + "/reopen-analysis", json("reason", "The recurrence needs the link"))
                .status()).isEqualTo(200);

        String later = declare("Checkout outage during TLS renegotiation", "2026-05-10T14:00:00Z",
                List.of("checkout"), List.of("checkout-api"));
        var recurrence = client.post("/api/incidents/" + later + "/recurrences",
                json("ofIncidentId", incident, "remediationId", migrate.id(), "note", "Same failure mode"));
        assertCreated(recurrence, 2);
        assertThat(client.get(recurrence.header("Location")).json().path("ofIncidentId").asText())
                .isEqualTo(incident);
        assertThat(client.get(base + "/mental-models/" + checkout.id()).json().path("heldAt").asText())
                .isEqualTo("2026-03-01T12:00:00Z");

        JsonNode view = client.get(base).json();
        assertThat(view.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.path("severity").asText()).isEqualTo("SEV2");
        assertThat(texts(view.path("timeline"), "text"))
                .containsExactly("Error rate on checkout-api above 20%", "Rolled back the deploy");
        assertThat(texts(view.path("mentalModels"), "team")).containsExactly("security", "checkout");
        assertThat(texts(view.path("divergences").get(0).path("mentalModelIds"), null))
                .containsExactly(security.id(), checkout.id());
        assertThat(view.path("divergences").get(0).path("effect").asText()).startsWith("Nobody looked");
        assertThat(view.path("contexts")).isEmpty();
        assertThat(texts(view.path("coordinations"), "kind")).containsExactly("ESCALATION");
        JsonNode technical = view.path("linkages").get(0);
        assertThat(technical.path("condition").asText()).isEqualTo("only when TLS renegotiation fails");
        assertThat(technical.path("believedAbsent").asBoolean()).isTrue();
        assertThat(texts(view.path("remediations"), "state")).containsExactly("COMPLETED", "DECLINED");
        JsonNode decision = view.path("remediations").get(1);
        assertThat(decision.path("rationale").asText()).startsWith("A migration costs a quarter");
        assertThat(decision.path("acceptedRisk").asText()).isEqualTo("Short checkout outages when renegotiation fails");
        assertThat(decision.path("revisitBy").asText()).isEqualTo("2026-09-01");
        assertThat(texts(decision.path("recurrences"), "incidentId")).containsExactly(later);
        assertThat(texts(view.path("classification"), null)).containsExactly("configuration-change", "dependency");
        assertThat(texts(view.path("corrections"), "action")).containsExactly("RETRACTED");

        JsonNode events = client.get(base + "/events").json();
        assertThat(events.path("total").asInt()).isEqualTo(view.path("version").asInt()).isEqualTo(20);
        assertThat(texts(events.path("items"), "sequence"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(Integer::toString)
                        .toList());
        assertThat(texts(events.path("items"), "type")).contains("IncidentDeclaredEvent", "MentalModelRecordedEvent",
                "DivergenceNotedEvent", "RemediationDeclinedEvent", "EntryRetractedEvent", "AnalysisReopenedEvent");
        JsonNode declaredEvent = events.path("items").get(0);
        assertThat(declaredEvent.path("payload").path("title").asText()).startsWith("Deploy failed");
        assertThat(declaredEvent.path("timestamp").asText()).endsWith("Z");
    }

    @Test
    void badInputIsAProblemDetailAndStoresNothing() {
        String incident = declare("Bad input", "2026-01-10T08:00:00Z", List.of("ops"), List.of());
        String base = "/api/incidents/" + incident;

        assertProblem(client.post(base + "/timeline-entries", json("occurredAt", "2026-01-10T08:00:00Z",
                "team", "ops", "kind", "ACTION", "text", "x", "priority", "high")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/timeline-entries", json("occurredAt", "not a time",
                "team", "ops", "kind", "ACTION", "text", "x")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/timeline-entries", json("occurredAt", "2026-01-10T08:00:00Z",
                "team", "ops", "kind", "GUESS", "text", "x")), 400, "INVALID_INPUT");
        var tooLong = client.post(base + "/contexts", json("team", "ops", "kind", "PRESSURE",
                "description", "x".repeat(10_001)));
        assertProblem(tooLong, 400, "INVALID_INPUT");
        // The refused field is named by its path in the body, not by the handler's parameter.
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("description");
        assertThat(tooLong.json().path("detail").asText()).startsWith("description: ");
        assertProblem(client.post(base + "/divergences", json("mentalModelIds", List.of("only-one"),
                "description", "d", "effect", "e")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/divergences", json("mentalModelIds", List.of("m1", "m2"),
                "description", "d", "effect", "e")), 404, "UNKNOWN_MENTAL_MODEL");
        var remediation = client.post(base + "/remediations", json("team", "ops", "description", "Add alerting"));
        assertProblem(client.post(base + "/remediations/" + remediation.id() + "/decline",
                json("rationale", "Too costly")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/remediations/nope/complete", json()), 404, "UNKNOWN_REMEDIATION");
        assertProblem(client.post("/api/incidents/no-such-incident/contexts", json("team", "ops", "kind",
                "PRESSURE", "description", "d")), 404, "UNKNOWN_INCIDENT");
        assertProblem(client.post(base + "/timeline-entries", "{\"occurredAt\":"), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/timeline-entries", "[]"), 400, "INVALID_INPUT");
        assertProblem(client.get("/api/incidents?size=501"), 400, null);
        assertProblem(client.get("/api/incidents?status=MAYBE"), 400, null);
        assertProblem(client.get("/api/incidents/no-such-incident"), 404, "UNKNOWN_INCIDENT");
        assertProblem(client.get("/api/incidents/no-such-incident/events"), 404, "UNKNOWN_INCIDENT");
        assertProblem(client.postRaw(base + "/contexts", "text/plain", "hello"), 415, "UNSUPPORTED_MEDIA_TYPE");
        // An amendment keeps a mental model's subject within the limit it was recorded under.
        assertProblem(client.post(base + "/entries/some-model/amend", json("changes", Map.of("subject",
                "s".repeat(101)), "reason", "Longer name")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/contexts", json("team", "ops", "kind", "PRESSURE",
                "description", "x".repeat(2_000_000))), 413, "REQUEST_TOO_LARGE");
        // Deny by default: a path no rule allows is refused before anything could answer it.
        assertProblem(client.get("/api/no-such-resource"), 403, "ACCESS_DENIED");

        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void requestsTomcatRefusesBeforeTheServiceSeesThemAreProblemDetails() {
        // An undecodable or non-normalizable URI, and headers over the size limit: Tomcat's HTML page before.
        assertProblem(client.get("/api/incidents/%00"), 400, "BAD_REQUEST");
        assertProblem(client.get("/api/incidents/a%2Fb"), 400, "BAD_REQUEST");
        String base = "/api/incidents/" + declare("Huge header", "2026-01-10T08:00:00Z", List.of("ops"), List.of());
        assertProblem(client.post(base + "/contexts", json("team", "ops", "kind", "PRESSURE", "description", "d"),
                "X-Padding", "x".repeat(9_000)), 400, "BAD_REQUEST");
        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anUnreadableAcceptHeaderStillGetsAProblemDetail() {
        // The problem's media type was negotiated against the Accept header, and the body was dropped.
        assertProblem(client.request("GET", "/api/incidents", "Accept", "garbage"), 406, "NOT_ACCEPTABLE");
        assertProblem(client.post("/api/incidents", "{}", "Accept", "garbage"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void theErrorPageIsNoEndpointAndTraceIsRefusedWithAProblemDetail() {
        // Spring Boot's error page answered a direct request with a 500, and TRACE got an empty 405; now no rule
        // allows the error page, and Spring Security's firewall refuses TRACE outright.
        assertProblem(client.get("/error"), 403, "ACCESS_DENIED");
        assertProblem(client.request("POST", "/error"), 403, "ACCESS_DENIED");
        assertProblem(client.request("TRACE", "/api/incidents"), 400, "INVALID_INPUT");
    }

    @Test
    void timesBeyondFourDigitYearsAreRefusedAndStoreNothing() {
        // A start in the year 999999999 was stored, and its incident's view could never be built (503 for ever).
        String team = "far-future-" + System.nanoTime();
        assertProblem(client.post("/api/incidents", json("title", "Far future", "severity", "SEV3",
                "startedAt", "+999999999-01-01T00:00:00Z", "teams", List.of(team))), 400, "INVALID_INPUT");
        assertProblem(client.post("/api/incidents", json("title", "Year 10000 in UTC", "severity", "SEV3",
                "startedAt", "9999-12-31T23:00:00-05:00", "teams", List.of(team))), 400, "INVALID_INPUT");
        assertThat(client.get("/api/incidents?team=" + team).json().path("total").asInt()).isZero();

        String base = "/api/incidents/" + declare("Dates", "2026-01-10T08:00:00Z", List.of(team), List.of());
        var entry = client.post(base + "/timeline-entries", json("occurredAt", "2026-01-10T08:05:00Z",
                "team", team, "kind", "ACTION", "text", "Restarted"));
        var remediation = client.post(base + "/remediations", json("team", team, "description", "Add a check"));
        assertProblem(client.post(base + "/timeline-entries", json("occurredAt", "-000001-12-31T00:00:00Z",
                "team", team, "kind", "ACTION", "text", "Before year 0")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/remediations/" + remediation.id() + "/decline", json("rationale", "r",
                "acceptedRisk", "a", "revisitBy", "+10000-01-01")), 400, "INVALID_INPUT");
        assertProblem(client.post(base + "/entries/" + entry.id() + "/amend", json("changes",
                java.util.Map.of("occurredAt", "+999999999-01-01T00:00:00Z"), "reason", "r")), 400, "INVALID_INPUT");
        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(3);

        // The hot-spot window's end was moved a day past the year 999999999 and failed with a 500.
        assertProblem(client.get("/api/hotspots?from=2000-01-01&to=%2B999999999-12-31"), 400, "INVALID_INPUT");
        assertThat(client.get("/api/hotspots?bucket=year&from=0000-01-01&to=9999-12-31").status()).isEqualTo(200);
    }

    @Test
    void textThatIsNotWellFormedUnicodeIsRefused() {
        // A lone surrogate was stored in the event but read back as '?' from every view.
        String base = "/api/incidents/" + declare("Unicode", "2026-01-10T08:00:00Z", List.of("ops"), List.of());
        assertProblem(client.post(base + "/contexts",
                "{\"team\":\"ops\",\"kind\":\"PRESSURE\",\"description\":\"half \\ud83d of a pair\"}"),
                400, "INVALID_INPUT");
        var whole = client.post(base + "/contexts",
                "{\"team\":\"ops\",\"kind\":\"PRESSURE\",\"description\":\"a whole \\ud83d\\udd25 pair\"}");
        assertCreated(whole, 2);
        assertThat(client.get(whole.header("Location")).json().path("description").asText())
                .isEqualTo("a whole \uD83D\uDD25 pair");
    }

    @Test
    void refusalsNameNoJavaTypeOrLibrarySetting() {
        String base = "/api/incidents/" + declare("Wording", "2026-01-10T08:00:00Z", List.of("ops"), List.of());
        assertThat(client.post(base + "/classify", json("labels", "one")).json().path("detail").asText())
                .isEqualTo("Field 'labels': must be an array");
        assertThat(client.post("/api/incidents", json("title", "t", "severity", "SEV3",
                "startedAt", "2026-01-10T08:00:00Z", "teams", List.of("ops"), "durationMinutes", "soon"))
                .json().path("detail").asText())
                .isEqualTo("Field 'durationMinutes': must be a whole number, got 'soon'");
        assertThat(client.post(base + "/contexts", "{\"team\": NaN}").json().path("detail").asText())
                .isEqualTo("Malformed JSON: Non-standard token 'NaN'");
        assertThat(client.post("/api/imports/cloud-postmortems", "[".repeat(1_001) + "]".repeat(1_001)).json()
                .path("detail").asText())
                .isEqualTo("Malformed JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void remediationDecisionsFollowTheirRules() {
        String base = "/api/incidents/" + declare("Rules", "2026-02-01T08:00:00Z", List.of("ops"), List.of());
        var done = client.post(base + "/remediations", json("team", "ops", "description", "Fix the alert"));
        client.post(base + "/remediations/" + done.id() + "/complete", json());
        assertProblem(client.post(base + "/remediations/" + done.id() + "/decline",
                json("rationale", "r", "acceptedRisk", "a")), 409, "REMEDIATION_STATE_CONFLICT");

        var declined = client.post(base + "/remediations", json("team", "ops", "description", "Rewrite the cron"));
        client.post(base + "/remediations/" + declined.id() + "/decline", json("rationale", "r", "acceptedRisk", "a"));
        assertProblem(client.post(base + "/remediations/" + declined.id() + "/complete", json()), 409,
                "REMEDIATION_STATE_CONFLICT");
        assertThat(client.post(base + "/remediations/" + declined.id() + "/reopen", json("reason", "Risk grew"))
                .status()).isEqualTo(200);
        assertThat(client.post(base + "/remediations/" + declined.id() + "/complete", json()).status())
                .isEqualTo(200);

        String earlier = declare("Earlier", "2026-01-01T08:00:00Z", List.of("ops"), List.of());
        var open = client.post("/api/incidents/" + earlier + "/remediations", json("team", "ops", "description", "d"));
        assertProblem(client.post(base + "/recurrences", json("ofIncidentId", earlier, "remediationId", open.id())),
                409, "RECURRENCE_NOT_ALLOWED");
        String later = declare("Later", "2026-06-01T08:00:00Z", List.of("ops"), List.of());
        var laterDeclined = client.post("/api/incidents/" + later + "/remediations",
                json("team", "ops", "description", "d"));
        client.post("/api/incidents/" + later + "/remediations/" + laterDeclined.id() + "/decline",
                json("rationale", "r", "acceptedRisk", "a"));
        assertProblem(client.post(base + "/recurrences", json("ofIncidentId", later,
                "remediationId", laterDeclined.id())), 409, "RECURRENCE_NOT_ALLOWED");
    }

    @Test
    void anIdenticalRepeatedCommandIsANoOp() {
        String base = "/api/incidents/" + declare("Repeats", "2026-02-01T08:00:00Z", List.of("ops"), List.of());
        String entry = json("occurredAt", "2026-02-01T08:10:00Z", "team", "ops", "kind", "ACTION", "text", "Restart");
        var first = client.post(base + "/timeline-entries", entry);
        var again = client.post(base + "/timeline-entries", entry);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.version()).isEqualTo(first.version()).isEqualTo(2);
        assertThat(client.post(base + "/resolve", json("resolvedAt", "2026-02-01T09:00:00Z")).version()).isEqualTo(3);
        assertThat(client.post(base + "/resolve", json("resolvedAt", "2026-02-01T09:00:00Z")).version()).isEqualTo(3);
        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndStoresNothing() {
        String base = "/api/incidents/" + declare("Retries", "2026-02-01T08:00:00Z", List.of("ops"), List.of());
        String key = "retry-" + System.nanoTime();
        String body = json("team", "ops", "subject", "queue", "belief", "The queue drains itself");
        var first = client.post(base + "/mental-models", body, "Idempotency-Key", key);
        var retry = client.post(base + "/mental-models", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertProblem(client.post(base + "/mental-models", json("team", "ops", "subject", "queue",
                "belief", "Something else"), "Idempotency-Key", key), 422, "IDEMPOTENCY_KEY_REUSED");

        String declareKey = "declare-" + System.nanoTime();
        String declaration = json("title", "Once", "severity", "SEV4", "startedAt", "2026-02-02T08:00:00Z",
                "teams", List.of("ops"));
        var declared = client.post("/api/incidents", declaration, "Idempotency-Key", declareKey);
        var declaredAgain = client.post("/api/incidents", declaration, "Idempotency-Key", declareKey);
        assertThat(declaredAgain.body()).isEqualTo(declared.body());
        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void aStaleIfMatchIsAConflictAndStoresNothing() {
        String base = "/api/incidents/" + declare("Versions", "2026-02-01T08:00:00Z", List.of("ops"), List.of());
        String context = json("team", "ops", "kind", "CONSTRAINT", "description", "One on-call engineer");
        assertProblem(client.post(base + "/contexts", context, "If-Match", "\"7\""), 409, "STALE_VERSION");
        assertThat(client.get(base + "/events").json().path("total").asInt()).isEqualTo(1);
        var accepted = client.post(base + "/contexts", context, "If-Match", "\"1\"");
        assertCreated(accepted, 2);
        assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
        assertProblem(client.post(base + "/contexts", context, "If-Match", "not-a-version"), 400, "INVALID_INPUT");
    }

    @Test
    void concurrentWritersOnOneIncidentLoseNoUpdate() throws Exception {
        String base = "/api/incidents/" + declare("Busy", "2026-02-01T08:00:00Z", List.of("ops"), List.of());
        ExecutorService writers = Executors.newFixedThreadPool(6);
        ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            int w = writer;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    var answer = client.post(base + "/timeline-entries", json("occurredAt", "2026-02-01T08:00:00Z",
                            "team", "ops", "kind", "OBSERVATION", "text", "writer " + w + " entry " + i));
                    assertThat(answer.status()).isEqualTo(201);
                    versions.add(answer.version());
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();
        assertThat(versions).hasSize(120).doesNotHaveDuplicates();
        assertThat(client.get(base + "/events?size=500").json().path("total").asInt()).isEqualTo(121);
        assertThat(client.get(base).json().path("timeline")).hasSize(120);
    }

    @Test
    void theIncidentListFiltersByTeamComponentAndStatusAndPages() {
        String unique = "team-" + System.nanoTime();
        String first = declare("List one", "2026-04-01T08:00:00Z", List.of(unique), List.of("db-" + unique));
        String second = declare("List two", "2026-04-02T08:00:00Z", List.of(unique, "ops"), List.of());
        client.post("/api/incidents/" + second + "/resolve", json("resolvedAt", "2026-04-02T09:00:00Z"));

        JsonNode byTeam = client.get("/api/incidents?team=" + unique).json();
        assertThat(byTeam.path("total").asInt()).isEqualTo(2);
        assertThat(texts(byTeam.path("items"), "id")).containsExactly(second, first);
        JsonNode summary = byTeam.path("items").get(0);
        assertThat(summary.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(summary.path("startedAt").asText()).isEqualTo("2026-04-02T08:00:00Z");
        assertThat(texts(summary.path("teams"), null)).containsExactly(unique, "ops");
        assertThat(texts(client.get("/api/incidents?component=db-" + unique).json().path("items"), "id"))
                .containsExactly(first);
        assertThat(texts(client.get("/api/incidents?team=" + unique + "&status=OPEN").json().path("items"), "id"))
                .containsExactly(first);
        JsonNode paged = client.get("/api/incidents?team=" + unique + "&page=1&size=1").json();
        assertThat(paged.path("page").asInt()).isEqualTo(1);
        assertThat(paged.path("size").asInt()).isEqualTo(1);
        assertThat(texts(paged.path("items"), "id")).containsExactly(first);
    }

    @Test
    void operationsEndpointsAnswer() {
        assertThat(client.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
        JsonNode openApi = client.get("/v3/api-docs").json();
        assertThat(openApi.path("paths").has("/api/incidents/{incidentId}/remediations/{remediationId}/decline"))
                .isTrue();
        assertThat(client.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertProblem(client.get("/h2-console"), 403, "ACCESS_DENIED");
    }

    private String declare(String title, String startedAt, List<String> teams, List<String> components) {
        var answer = client.post("/api/incidents", json("title", title, "severity", "SEV2", "startedAt", startedAt,
                "teams", teams, "components", components));
        assertCreated(answer, 1);
        assertThat(answer.header("Location")).isEqualTo("/api/incidents/" + answer.id());
        return answer.id();
    }

    private static void assertCreated(ServiceClient.Answer answer, long version) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.header("Location")).endsWith("/" + answer.id());
        assertThat(answer.version()).isEqualTo(version);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText())
                .toList();
    }
}
