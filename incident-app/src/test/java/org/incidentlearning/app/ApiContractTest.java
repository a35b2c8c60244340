package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The served OpenAPI document held against the service's real answers by an outside validator: Stoplight Prism in
 * proxy mode sits between this test's client and the whole service, and reports every request and answer that
 * contradicts the document. The document is made strict first: an object schema that does not say otherwise takes no
 * fields beyond those it lists, so a field the service sends and the document lacks is a violation too.
 * <p>
 * The traffic exercises every operation of the document, with successes and the usual refusals: unknown ids, invalid
 * bodies, a stale If-Match, a reused idempotency key, a missing key, another team's name, an unacceptable Accept, a
 * body that is not JSON or too large. A request made invalid on purpose must draw exactly the request violations
 * expected of it, and never an answer violation. Besides Prism's checks, every header an answer carries must be
 * declared for its operation and status.
 * <p>
 * Prism waits for the end of an answer before it validates and relays it, and a live stream has no end: the streams'
 * refusals go through Prism, and their first message is read from the service itself and compared with the view that
 * Prism validated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident.data-dir=target/test-data/contract-${random.uuid}")
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STRICT_DOCUMENT = Path.of("target", "openapi-strict.json");
    private static final Path PRISM_LOG = Path.of("target", "prism-proxy.log");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    /** Headers of the connection and the message rather than of an operation's answer. */
    private static final Set<String> TRANSPORT = Set.of("date", "content-length", "transfer-encoding", "connection",
            "keep-alive", "content-type", "vary");
    /** Prism's own header, the one it reports violations in. */
    private static final String VIOLATIONS = "sl-violations";
    /** The operation whose success Prism cannot relay: a live stream never ends. */
    private static final String STREAM = "GET /api/stream/{view}";
    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    private JsonNode document;
    private List<Operation> operations;
    private PrismProxy prism;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Exchange> exchanges = new ArrayList<>();
    /** Operations whose success was checked outside Prism (the streams'). */
    private final Set<String> succeededDirectly = new TreeSet<>();
    private final List<String> undeclaredHeaders = new ArrayList<>();

    /** One operation of the document; a concrete path matches the template with the most literal segments. */
    record Operation(String method, String template, Pattern path, int literals) {

        String name() {
            return method + " " + template;
        }
    }

    /** One request through Prism, its answer's status and what Prism said about both. */
    record Exchange(String request, String operation, int status, List<String> requestViolations,
                    List<String> answerViolations, Set<String> expected) {
    }

    /** An answer as the client received it through Prism. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String id() {
            return json().path("id").asText();
        }
    }

    @BeforeEach
    void startPrismBetweenThisTestAndTheService() throws IOException {
        PrismProxy.assumeInstalled();
        ServiceClient.Answer served = new ServiceClient(service()).withKey(null).get("/v3/api-docs");
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        document = served.json();
        operations = operations(document);
        Files.createDirectories(STRICT_DOCUMENT.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(STRICT_DOCUMENT.toFile(), strict(document));
        prism = PrismProxy.start(STRICT_DOCUMENT.toAbsolutePath(), "http://127.0.0.1:" + port, PRISM_LOG);
    }

    @AfterEach
    void stopPrism() throws InterruptedException {
        if (prism != null) {
            prism.close();
        }
    }

    @Test
    void everyOperationAnswersAsTheServedDocumentSays() throws Exception {
        wholeStoreImportIntoTheEmptyStore();
        Story story = recordTheStory();
        refuseTheUsualMistakes(story);
        templatesAndArtifacts(story);
        readTheViews(story);
        auditTheHistory(story);
        importPostmortems();
        manageApiKeys();
        followTheLiveStreams(story);
        replayTheProjections();

        List<String> problems = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            String where = exchange.request() + " -> " + exchange.status() + ": ";
            exchange.answerViolations().forEach(violation -> problems.add(where + violation));
            Set<String> request = new TreeSet<>(exchange.requestViolations());
            if (!request.equals(exchange.expected())) {
                problems.add(where + "request violations " + request + ", expected " + exchange.expected());
            }
        }
        problems.addAll(undeclaredHeaders);
        assertThat(problems).withFailMessage("%d contradiction(s) between the service and its document:%n%s%n"
                + "(Prism's log: %s)", problems.size(), String.join(System.lineSeparator(), problems),
                PRISM_LOG.toAbsolutePath()).isEmpty();

        Set<String> exercised = exchanges.stream().map(Exchange::operation).collect(Collectors.toSet());
        Set<String> succeeded = exchanges.stream().filter(exchange -> exchange.status() / 100 == 2)
                .map(Exchange::operation).collect(Collectors.toCollection(TreeSet::new));
        succeeded.addAll(succeededDirectly);
        List<String> all = operations.stream().map(Operation::name).toList();
        assertThat(all.stream().filter(operation -> !exercised.contains(operation)))
                .as("operations of the document the traffic never called").isEmpty();
        assertThat(all.stream().filter(operation -> !succeeded.contains(operation)))
                .as("operations of the document the traffic never saw succeed").isEmpty();
        // Guards against passing vacuously: the document and Prism's reports were read.
        assertThat(all).hasSizeGreaterThan(50).contains(STREAM);
        assertThat(exchanges.stream().filter(exchange -> !exchange.expected().isEmpty()))
                .as("deliberately invalid requests, each reported as expected").hasSizeGreaterThan(5);
    }

    /** The export of the empty store, imported back while the store is still empty. */
    private void wholeStoreImportIntoTheEmptyStore() {
        Reply export = call("GET", "/api/export").as(ServiceClient.AUDITOR_KEY).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).isEmpty();
        // Prism takes an empty body for a missing one, which the import requires; a blank line is an empty export too.
        Reply imported = call("POST", "/api/import").content(NDJSON, export.body() + "\n")
                .as(ServiceClient.ADMIN_KEY).send();
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("events").asLong()).isZero();
    }

    /** What the traffic recorded and later reads back. */
    record Story(String incident, String later, String imported, String timelineEntry, String mentalModel,
                 String divergence, String context, String coordination, String linkage, String openRemediation,
                 String declinedRemediation, String recurrence) {
    }

    /** The article's story, with every optional field both given and left out somewhere. */
    private Story recordTheStory() {
        String declaration = json("title", "Deploy failed after netlib change", "severity", "SEV2", "startedAt",
                "2026-03-02T09:00:00Z", "summary", "TLS handshakes failed", "detectedAt", "2026-03-02T09:04:00Z",
                "teams", List.of("checkout", "security"), "components", List.of("checkout-api", "netlib"),
                "impact", List.of("availability"), "durationMinutes", 90,
                "references", List.of("https://wiki.example/pm-1"));
        Reply declared = call("POST", "/api/incidents").body(declaration).header("Idempotency-Key", "declare-story")
                .header("X-Correlation-Id", "case-1").send();
        assertStatus(declared, 201);
        String incident = declared.id();
        String base = "/api/incidents/" + incident;
        Reply retried = call("POST", "/api/incidents").body(declaration).header("Idempotency-Key", "declare-story")
                .send();
        assertThat(retried.body()).isEqualTo(declared.body());

        String entry = json("occurredAt", "2026-03-02T09:10:00Z", "team", "checkout", "kind", "OBSERVATION",
                "text", "Human error in the deploy script, the root cause");
        Reply timeline = call("POST", base + "/timeline-entries").body(entry).as(ServiceClient.CHECKOUT_KEY).send();
        assertStatus(timeline, 201);
        assertStatus(call("POST", base + "/timeline-entries").body(entry).as(ServiceClient.CHECKOUT_KEY).send(), 200);
        Reply security = call("POST", base + "/mental-models").body(json("team", "security", "subject", "netlib",
                "belief", "Nobody uses the legacy options")).send();
        Reply checkout = call("POST", base + "/mental-models").body(json("team", "checkout", "subject", "netlib",
                "belief", "Our pinned version is unaffected", "heldAt", "2026-03-01T12:00:00Z")).send();
        assertStatus(checkout, 201);
        Reply divergence = call("POST", base + "/divergences").body(json("mentalModelIds",
                List.of(security.id(), checkout.id()), "description", "Options believed unused", "effect",
                "Nobody looked at the library for an hour")).send();
        assertStatus(divergence, 201);
        Reply context = call("POST", base + "/contexts").body(json("team", "checkout", "kind", "PRESSURE",
                "description", "Sales event this week")).header("If-Match", "\"" + divergence.json().path("version")
                .asLong() + "\"").send();
        assertStatus(context, 201);
        Reply coordination = call("POST", base + "/coordinations").body(json("team", "checkout", "kind",
                "ESCALATION", "withTeams", List.of("security"), "description", "Paged security")).send();
        assertStatus(coordination, 201);
        assertStatus(call("POST", base + "/coordinations").body(json("team", "security", "kind", "STATUS_UPDATE",
                "description", "Posted an update", "occurredAt", "2026-03-02T09:30:00Z")).send(), 201);
        Reply linkage = call("POST", base + "/linkages").body(json("kind", "TECHNICAL", "from", "checkout-api",
                "to", "netlib", "description", "Loads the legacy options", "condition", "when renegotiation fails",
                "believedAbsent", true)).send();
        assertStatus(linkage, 201);
        assertStatus(call("POST", base + "/linkages").body(json("kind", "SOCIAL", "from", "security", "to",
                "checkout", "description", "Security must know who uses which version")).send(), 201);

        Reply open = call("POST", base + "/remediations").body(json("team", "checkout", "description",
                "Alert on handshake failures")).send();
        assertStatus(open, 201);
        Reply tracked = call("POST", base + "/remediations").body(json("team", "security", "description",
                "Track netlib versions")).send();
        assertStatus(call("POST", base + "/remediations/" + tracked.id() + "/prioritize").body(json("priority",
                "HIGH")).send(), 200);
        assertStatus(call("POST", base + "/remediations/" + tracked.id() + "/complete").body(json()).send(), 200);
        Reply planned = call("POST", base + "/remediations").body(json("team", "security", "description",
                "Document the options")).send();
        assertStatus(call("POST", base + "/remediations/" + planned.id() + "/prioritize").body(json("priority",
                "LOW", "rationale", "Few readers", "dueBy", "2026-06-30")).send(), 200);
        assertStatus(call("POST", base + "/remediations/" + planned.id() + "/complete").body(json("note",
                "Written")).send(), 200);
        Reply declined = call("POST", base + "/remediations").body(json("team", "checkout", "description",
                "Migrate off the legacy options")).send();
        assertStatus(call("POST", base + "/remediations/" + declined.id() + "/decline").body(json("rationale",
                "A quarter of work", "acceptedRisk", "Short outages")).send(), 200);
        Reply reconsidered = call("POST", base + "/remediations").body(json("team", "checkout", "description",
                "Pin the library")).send();
        assertStatus(call("POST", base + "/remediations/" + reconsidered.id() + "/decline").body(json("rationale",
                "Blocks security fixes", "acceptedRisk", "None", "revisitBy", "2026-09-01")).send(), 200);
        assertStatus(call("POST", base + "/remediations/" + reconsidered.id() + "/reopen").body(json("reason",
                "The risk grew")).send(), 200);

        String correctedEntry = call("POST", base + "/timeline-entries").body(json("occurredAt",
                "2026-03-02T09:20:00Z", "team", "checkout", "kind", "ACTION", "text", "Rolled back")).send().id();
        assertStatus(call("POST", base + "/entries/" + correctedEntry + "/amend").body(json("changes",
                Map.of("text", "Rolled back the deploy"), "reason", "More precise")).send(), 200);
        String retracted = call("POST", base + "/contexts").body(json("team", "security", "kind", "CONSTRAINT",
                "description", "Recorded on the wrong incident")).send().id();
        assertStatus(call("POST", base + "/entries/" + retracted + "/retract").body(json("reason",
                "Wrong incident")).send(), 200);
        assertStatus(call("POST", base + "/classify").body(json("labels", List.of("dependency",
                "configuration-change"))).send(), 200);
        assertStatus(call("POST", base + "/revise").body(json("summary", "TLS handshakes failed after the change",
                "addComponents", List.of("tls-proxy"), "reason", "The proxy was involved")).send(), 200);
        assertStatus(call("POST", base + "/resolve").body(json("resolvedAt", "2026-03-02T10:30:00Z",
                "resolution", "Rolled back")).send(), 200);

        Reply later = call("POST", "/api/incidents").body(json("title", "Checkout outage during renegotiation",
                "severity", "SEV1", "startedAt", "2026-05-10T14:00:00Z", "teams", List.of("checkout"))).send();
        Reply recurrence = call("POST", "/api/incidents/" + later.id() + "/recurrences").body(json("ofIncidentId",
                incident, "remediationId", declined.id())).send();
        assertStatus(recurrence, 201);
        assertStatus(call("POST", "/api/incidents/" + later.id() + "/resolve").body("").send(), 200);
        assertStatus(call("POST", "/api/incidents/" + later.id() + "/close-analysis").body(json("conclusion",
                "Same failure mode")).send(), 200);
        assertStatus(call("POST", "/api/incidents/" + later.id() + "/reopen-analysis").body(json("reason",
                "A new finding")).send(), 200);
        assertStatus(call("POST", "/api/incidents/" + later.id() + "/close-analysis").body("").send(), 200);

        String source = json("title", "Imported with its source id", "severity", "SEV4", "startedAt",
                "2025-11-01T08:00:00Z", "teams", List.of("ops"), "sourceId", "tracker-4711");
        Reply imported = call("POST", "/api/incidents").body(source).send();
        assertStatus(imported, 201);
        assertStatus(call("POST", "/api/incidents").body(source).send(), 200);

        return new Story(incident, later.id(), imported.id(), correctedEntry, checkout.id(), divergence.id(),
                context.id(), coordination.id(), linkage.id(), open.id(), declined.id(), recurrence.id());
    }

    private void refuseTheUsualMistakes(Story story) {
        String base = "/api/incidents/" + story.incident();
        String entry = json("occurredAt", "2026-03-02T09:40:00Z", "team", "checkout", "kind", "ACTION",
                "text", "Restarted the proxy");
        assertStatus(call("POST", "/api/incidents/no-such-incident/timeline-entries").body(entry).send(), 404);
        assertStatus(call("POST", base + "/remediations/no-such-remediation/complete").body(json()).send(), 404);
        assertStatus(call("POST", base + "/divergences").body(json("mentalModelIds", List.of("m1", "m2"),
                "description", "d", "effect", "e")).send(), 404);
        assertStatus(call("POST", base + "/timeline-entries").body(json("occurredAt", "2026-03-02T09:40:00Z",
                "team", "checkout", "kind", "ACTION")).expect("request.body required").send(), 400);
        assertStatus(call("POST", base + "/timeline-entries").body(json("occurredAt", "2026-03-02T09:40:00Z",
                "team", "checkout", "kind", "ACTION", "text", "x", "priority", "high"))
                .expect("request.body additionalProperties").send(), 400);
        assertStatus(call("POST", base + "/timeline-entries").body(entry).header("If-Match", "\"1\"").send(), 409);
        assertStatus(call("POST", base + "/remediations/" + story.declinedRemediation() + "/complete")
                .body(json()).send(), 409);
        Reply first = call("POST", base + "/mental-models").body(json("team", "ops", "subject", "queue", "belief",
                "The queue drains itself")).header("Idempotency-Key", "clash").send();
        assertStatus(first, 201);
        assertStatus(call("POST", base + "/mental-models").body(json("team", "ops", "subject", "queue", "belief",
                "Something else")).header("Idempotency-Key", "clash").send(), 422);
        assertStatus(call("POST", base + "/timeline-entries").body(entry).as(null).expect("request 401").send(), 401);
        assertStatus(call("GET", base).as(null).expect("request 401").send(), 401);
        assertStatus(call("GET", base).as("not-a-key-of-this-service-0123456789").send(), 401);
        assertStatus(call("POST", base + "/timeline-entries").body(json("occurredAt", "2026-03-02T09:40:00Z",
                "team", "security", "kind", "ACTION", "text", "Not ours")).as(ServiceClient.CHECKOUT_KEY).send(), 403);
        assertStatus(call("POST", base + "/timeline-entries").body(entry).as(ServiceClient.DASHBOARD_KEY).send(),
                403);
        assertStatus(call("GET", "/api/incidents").header("Accept", "image/png").send(), 406);
        assertStatus(call("POST", base + "/contexts").content("text/plain", "hello").expect("request 415").send(),
                415);
        assertStatus(call("POST", "/api/incidents").body(json("severity", "SEV3", "startedAt", "2026-03-02T09:00:00Z",
                "teams", List.of("ops"))).expect("request.body required").send(), 400);
        assertStatus(call("POST", base + "/contexts").body(json("team", "ops", "kind", "PRESSURE",
                "description", "x".repeat(1_100_000))).expect("request.body.description maxLength").send(), 413);
        assertStatus(call("GET", "/api/incidents?size=501").expect("request.query.size maximum").send(), 400);
    }

    private void templatesAndArtifacts(Story story) {
        String team = json("id", "checkout-review", "name", "Checkout review", "archetype", "FACILITATOR",
                "sections", List.of("DIVERGENCES", "PROMPTS"), "prompts", List.of("Who was surprised?"),
                "team", "checkout");
        Reply defined = call("POST", "/api/templates").body(team).as(ServiceClient.CHECKOUT_KEY).send();
        assertStatus(defined, 201);
        assertStatus(call("POST", "/api/templates").body(team).as(ServiceClient.CHECKOUT_KEY).send(), 200);
        assertStatus(call("POST", "/api/templates").body(json("id", "facilitator", "name", "Mine", "archetype",
                "SIGNPOST", "sections", List.of("SUMMARY"), "team", "checkout")).send(), 409);
        assertStatus(call("POST", "/api/templates/checkout-review/revisions").body(json("name", "Checkout review",
                        "sections", List.of("SUMMARY", "PROMPTS"), "prompts", List.of("What did we learn?"),
                        "reason", "Shorter")).header("If-Match", "\"1\"").as(ServiceClient.CHECKOUT_KEY).send(),
                200);
        assertStatus(call("GET", "/api/templates").send(), 200);
        assertStatus(call("GET", "/api/templates/checkout-review/versions").send(), 200);
        assertStatus(call("GET", "/api/templates/no-such-template/versions").send(), 404);

        String artifacts = "/api/incidents/" + story.incident() + "/artifacts";
        Reply published = call("POST", artifacts).body(json("template", "record-keeper", "audience", "EXECUTIVE"))
                .send();
        assertStatus(published, 201);
        assertStatus(call("POST", artifacts).body(json("template", "record-keeper", "audience", "EXECUTIVE")).send(),
                200);
        assertStatus(call("GET", artifacts).send(), 200);
        for (String accept : List.of("text/markdown", "text/html")) {
            assertStatus(call("GET", artifacts + "/facilitator?audience=ENGINEERING").header("Accept", accept)
                    .send(), 200);
            assertStatus(call("GET", artifacts + "/published/" + published.id()).header("Accept", accept).send(),
                    200);
        }
        assertStatus(call("GET", artifacts + "/facilitator?audience=ENGINEERING").header("Accept",
                "application/json").send(), 200);
        assertStatus(call("GET", artifacts + "/checkout-review?audience=CUSTOMER&templateVersion=1").send(), 200);
        assertStatus(call("GET", artifacts + "/signpost?audience=EXECUTIVE&asOf=2026-12-31T00:00:00Z").send(), 200);
        assertStatus(call("GET", artifacts + "/record-keeper?audience=ENGINEERING").header("Accept", "image/png")
                .send(), 406);
        assertStatus(call("GET", artifacts + "/novel?audience=ENGINEERING").send(), 404);
        assertStatus(call("GET", artifacts + "/record-keeper").expect("request.query required").send(), 400);
        assertStatus(call("GET", artifacts + "/published/missing").send(), 404);
        assertStatus(call("GET", "/api/incidents/" + story.incident() + "/facilitator-hints").send(), 200);
        assertStatus(call("GET", "/api/incidents/no-such-incident/facilitator-hints").send(), 404);
    }

    private void readTheViews(Story story) {
        String base = "/api/incidents/" + story.incident();
        assertStatus(call("GET", "/api/incidents").send(), 200);
        assertStatus(call("GET", "/api/incidents?team=checkout&component=netlib&status=RESOLVED&page=0&size=10")
                .as(ServiceClient.DASHBOARD_KEY).send(), 200);
        assertStatus(call("GET", base).send(), 200);
        assertStatus(call("GET", "/api/incidents/" + story.later()).send(), 200);
        assertStatus(call("GET", "/api/incidents/" + story.imported()).send(), 200);
        assertStatus(call("GET", base + "?asOf=2026-12-31T00:00:00Z").send(), 200);
        assertStatus(call("GET", "/api/incidents/no-such-incident").send(), 404);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("timeline-entries", story.timelineEntry());
        entries.put("mental-models", story.mentalModel());
        entries.put("divergences", story.divergence());
        entries.put("contexts", story.context());
        entries.put("coordinations", story.coordination());
        entries.put("linkages", story.linkage());
        entries.put("remediations", story.declinedRemediation());
        entries.forEach((collection, id) -> assertStatus(call("GET", base + "/" + collection + "/" + id).send(), 200));
        assertStatus(call("GET", base + "/remediations/" + story.openRemediation()).send(), 200);
        assertStatus(call("GET", "/api/incidents/" + story.later() + "/recurrences/" + story.recurrence()).send(),
                200);
        assertStatus(call("GET", base + "/linkages/no-such-entry").send(), 404);

        assertStatus(call("GET", "/api/hotspots").send(), 200);
        assertStatus(call("GET", "/api/hotspots?by=team&bucket=week&from=2026-01-01&to=2026-12-31").send(), 200);
        assertStatus(call("GET", "/api/hotspots?bucket=year&from=2026-01-01T00:00:00Z").send(), 200);
        assertStatus(call("GET", "/api/hotspots?from=2026-12-31&to=2026-01-01").send(), 400);
        assertStatus(call("GET", "/api/teams/checkout/context").send(), 200);
        JsonNode firstPage = call("GET", "/api/teams/checkout/context?size=1").send().json();
        String after = firstPage.path("next").path("linkages").asText();
        assertThat(after).as("checkout's linkages go on past one").isNotEmpty();
        assertStatus(call("GET", "/api/teams/checkout/context/linkages?size=1&after=" + after).send(), 200);
        assertStatus(call("GET", "/api/teams/checkout/context/incidents").send(), 200);
        assertStatus(call("GET", "/api/teams/checkout/context/linkages?after=not-a-cursor").send(), 400);
        assertStatus(call("GET", "/api/teams/checkout/context/planets").expect("request.path.list enum").send(),
                400);
        assertStatus(call("GET", "/api/teams/security/context?asOf=2026-12-31T00:00:00Z").send(), 200);
        assertStatus(call("GET", "/api/teams/checkout/digest?from=2026-01-01&to=2027-01-01").send(), 200);
        assertStatus(call("GET", "/api/teams/checkout/digest?from=2026-01-01&to=2027-01-01")
                .header("Accept", "text/html").send(), 200);
        assertStatus(call("GET", "/api/teams/checkout/digest?from=2027-01-01&to=2026-01-01").send(), 400);
        assertStatus(call("GET", "/api/map").send(), 200);
        assertStatus(call("GET", "/api/map?format=dot&kind=TECHNICAL").send(), 200);
        assertStatus(call("GET", "/api/map?format=mermaid&kind=SOCIAL").send(), 200);
        assertStatus(call("GET", "/api/remediations").send(), 200);
        assertStatus(call("GET", "/api/remediations?team=checkout&state=DECLINED").send(), 200);
        assertStatus(call("GET", "/api/learning/lens").send(), 200);
        assertStatus(call("GET", "/api/search?q=legacy+options").send(), 200);
        assertStatus(call("GET", "/api/search?q=handshake&team=checkout&page=0&size=5").send(), 200);
    }

    private void auditTheHistory(Story story) {
        String base = "/api/incidents/" + story.incident();
        assertStatus(call("GET", base + "/events").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", base + "/events?page=1&size=5").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", "/api/incidents/no-such-incident/events").as(ServiceClient.AUDITOR_KEY).send(),
                404);
        assertStatus(call("GET", base + "/events").as(ServiceClient.DASHBOARD_KEY).send(), 403);
        assertStatus(call("GET", base + "/verification").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", "/api/incidents/no-such-incident/verification").as(ServiceClient.AUDITOR_KEY)
                .send(), 404);
        assertStatus(call("GET", "/api/verification").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", "/api/events").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", "/api/events?after=3&size=5&type=MentalModelRecordedEvent&team=security"
                + "&from=2020-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").as(ServiceClient.AUDITOR_KEY).send(), 200);
        Reply export = call("GET", "/api/export").as(ServiceClient.AUDITOR_KEY).send();
        assertStatus(export, 200);
        assertThat(export.body().lines().count()).isEqualTo(countStoredEvents());
        assertStatus(call("POST", "/api/import").content(NDJSON, export.body()).as(ServiceClient.ADMIN_KEY).send(),
                409);
    }

    private void importPostmortems() {
        String file = json("contract-20260105-1", Map.of(
                "title", "Storage latency in one region",
                "time", "01/05/2026",
                "summary", "Between 10:00 and 11:30 UTC requests to storage were slow.",
                "service_name", List.of("Contract Storage"),
                "impact symptom", List.of("latency"),
                "duration", 90,
                "root cause", Map.of("label", List.of(Map.of("layer-1", "internal causes", "layer-2",
                        "software bugs", "layer-3", "config")), "details", "A configuration change slowed reads."),
                "mitigation", Map.of("label", List.of("rolled back"), "details", "Engineers rolled back."),
                "verification", "none"));
        assertStatus(call("POST", "/api/imports/cloud-postmortems?team=storage").body(file)
                .as(ServiceClient.ADMIN_KEY).send(), 200);
        assertStatus(call("POST", "/api/imports/cloud-postmortems").body(file).as(ServiceClient.ADMIN_KEY).send(),
                200);
        assertStatus(call("POST", "/api/imports/cloud-postmortems").body(file).as(ServiceClient.CHECKOUT_KEY).send(),
                403);
    }

    private void manageApiKeys() {
        String keys = "/api/admin/api-keys";
        Reply wallboard = call("POST", keys).body(json("name", "contract-wallboard", "roles", List.of("DASHBOARD")))
                .as(ServiceClient.ADMIN_KEY).send();
        assertStatus(wallboard, 201);
        Reply team = call("POST", keys).body(json("name", "contract-team", "team", "checkout", "roles",
                List.of("TEAM"))).as(ServiceClient.ADMIN_KEY).send();
        assertStatus(team, 201);
        assertStatus(call("POST", keys).body(json("name", "contract-team", "team", "checkout", "roles",
                List.of("TEAM"))).as(ServiceClient.ADMIN_KEY).send(), 409);
        assertStatus(call("POST", keys).body(json("name", "no-team", "roles", List.of("TEAM")))
                .as(ServiceClient.ADMIN_KEY).send(), 400);
        assertStatus(call("GET", keys).as(ServiceClient.ADMIN_KEY).send(), 200);
        assertStatus(call("GET", keys + "?page=0&size=1").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", keys + "/" + team.id()).as(ServiceClient.ADMIN_KEY).send(), 200);
        assertStatus(call("POST", keys + "/" + wallboard.id() + "/revoke").as(ServiceClient.ADMIN_KEY).send(), 200);
        assertStatus(call("GET", keys + "/" + wallboard.id()).as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", keys + "/no-such-key").as(ServiceClient.ADMIN_KEY).send(), 404);
        assertStatus(call("POST", keys + "/no-such-key/revoke").as(ServiceClient.ADMIN_KEY).send(), 404);
        assertStatus(call("GET", keys).as(ServiceClient.DASHBOARD_KEY).send(), 403);
    }

    /**
     * The streams' refusals through Prism; their first message read from the service itself, its headers checked
     * against the document, and its data compared with the view Prism validated through the ordinary read.
     */
    private void followTheLiveStreams(Story story) throws Exception {
        assertStatus(call("GET", "/api/stream/weather").header("Accept", "text/event-stream").send(), 404);
        assertStatus(call("GET", "/api/stream/incident?id=no-such-incident").header("Accept", "text/event-stream")
                .send(), 404);
        assertStatus(call("GET", "/api/stream/team-context").header("Accept", "text/event-stream").send(), 400);
        assertStatus(call("GET", "/api/stream/map").header("Accept", "text/event-stream").as(null)
                .expect("request 401").send(), 401);

        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("/api/stream/hotspots?by=team&bucket=year", "/api/hotspots?by=team&bucket=year");
        streams.put("/api/stream/map", "/api/map");
        streams.put("/api/stream/team-context?team=checkout", "/api/teams/checkout/context");
        streams.put("/api/stream/incident?id=" + story.incident(), "/api/incidents/" + story.incident());
        for (var stream : streams.entrySet()) {
            JsonNode view = call("GET", stream.getValue()).send().json();
            assertThat(JSON.readTree(firstMessage(stream.getKey()))).as(stream.getKey()).isEqualTo(view);
        }
        succeededDirectly.add(STREAM);
    }

    /** Replays last: the views are rebuilt meanwhile. */
    private void replayTheProjections() {
        String projections = "/api/admin/projections";
        assertStatus(call("GET", projections).as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", projections + "/incident-views").as(ServiceClient.AUDITOR_KEY).send(), 200);
        assertStatus(call("GET", projections + "/no-such-views").as(ServiceClient.AUDITOR_KEY).send(), 404);
        assertStatus(call("POST", projections + "/no-such-views/replay").as(ServiceClient.ADMIN_KEY).send(), 404);
        assertStatus(call("POST", projections + "/learning-views/replay").as(ServiceClient.ADMIN_KEY).send(), 202);
        awaitReplayed();
        assertStatus(call("POST", projections + "/replay").as(ServiceClient.ADMIN_KEY).send(), 202);
        awaitReplayed();
        assertStatus(call("POST", projections + "/replay").as(ServiceClient.AUDITOR_KEY).send(), 403);
    }

    /** Through Prism too: the status while a replay runs is an answer like any other. */
    private void awaitReplayed() {
        await("replays finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = call("GET", "/api/admin/projections").as(ServiceClient.AUDITOR_KEY).send().json();
            return StreamSupport.stream(status.path("items").spliterator(), false).allMatch(projection ->
                    (projection.path("replay").isNull() || projection.path("replay").path("progress").asDouble() == 1.0)
                    && projection.path("lag").asLong(-1) == 0);
        });
    }

    /** The first named message of a stream, read from the service directly; the stream is closed after it. */
    private String firstMessage(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service() + path))
                .header("Authorization", "Bearer " + ServiceClient.DASHBOARD_KEY)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            checkHeaders("GET " + path + " (directly)", STREAM, 200, headers);
            Iterator<String> reader = lines.iterator();
            return CompletableFuture.supplyAsync(() -> {
                boolean named = false;
                StringBuilder data = new StringBuilder();
                while (reader.hasNext()) {
                    String line = reader.next();
                    if (line.startsWith("event:")) {
                        named = true;
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring("data:".length()));
                    } else if (line.isEmpty() && named) {
                        return data.toString();
                    }
                }
                throw new AssertionError(path + " ended before its first message");
            }).get(30, TimeUnit.SECONDS);
        }
    }

    private long countStoredEvents() {
        long events = 0;
        long after = 0;
        JsonNode page;
        do {
            page = call("GET", "/api/events?size=1000&after=" + after).as(ServiceClient.AUDITOR_KEY).send().json();
            events += page.path("items").size();
            after = page.path("next").asLong();
        } while (page.path("items").size() > 0);
        return events;
    }

    private static void assertStatus(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    }

    private Call call(String method, String path) {
        return new Call(method, path);
    }

    /** A request through Prism, facilitator's key unless told otherwise; its exchange is kept for the checks. */
    private final class Call {

        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private final Set<String> expected = new TreeSet<>();
        private String key = ServiceClient.FACILITATOR_KEY;
        private String contentType;
        private String body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call as(String otherKey) {
            key = otherKey;
            return this;
        }

        Call body(String json) {
            return content("application/json", json);
        }

        Call content(String type, String text) {
            contentType = type;
            body = text;
            return this;
        }

        Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        /** A request violation this request is made to draw, as "location code" (e.g. "request.body required"). */
        Call expect(String violation) {
            expected.add(violation);
            return this;
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prism.baseUrl() + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, String> received = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT),
                    values.get(0)));
            List<String> onRequest = new ArrayList<>();
            List<String> onAnswer = new ArrayList<>();
            readViolations(received.get(VIOLATIONS), onRequest, onAnswer);
            String described = method + " " + path;
            String operation = operationOf(method, path);
            exchanges.add(new Exchange(described, operation, response.statusCode(), onRequest, onAnswer,
                    Set.copyOf(expected)));
            if (operation != null) {
                checkHeaders(described, operation, response.statusCode(), received);
            }
            return new Reply(response.statusCode(), response.body());
        }
    }

    /** Prism's report: a JSON array of {location, severity, code, message}; location starts request or response. */
    private static void readViolations(String header, List<String> onRequest, List<String> onAnswer) {
        if (header == null) {
            return;
        }
        try {
            for (JsonNode violation : JSON.readTree(header)) {
                List<String> location = new ArrayList<>();
                violation.path("location").forEach(part -> location.add(part.asText()));
                String where = String.join(".", location);
                if (where.startsWith("request")) {
                    onRequest.add(where + " " + violation.path("code").asText(violation.path("message").asText()));
                } else {
                    onAnswer.add(violation.path("severity").asText() + " at " + where + ": "
                                 + violation.path("message").asText());
                }
            }
        } catch (IOException e) {
            onAnswer.add("Prism's report is not JSON: " + header);
        }
    }

    /** Every header but the transport's must be declared for the operation and status that sent it. */
    private void checkHeaders(String request, String operation, int status, Map<String, String> headers) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
        String template = operation.substring(operation.indexOf(' ') + 1);
        JsonNode response = document.path("paths").path(template).path(method).path("responses")
                .path(Integer.toString(status));
        if (response.isMissingNode()) {
            return;
        }
        Set<String> declared = new TreeSet<>();
        response.path("headers").fieldNames().forEachRemaining(name -> declared.add(name.toLowerCase(Locale.ROOT)));
        for (String name : headers.keySet()) {
            if (!TRANSPORT.contains(name) && !VIOLATIONS.equals(name) && !declared.contains(name)) {
                undeclaredHeaders.add(request + " -> " + status + ": header " + name + " is not declared for "
                                      + operation + " " + status);
            }
        }
    }

    private String operationOf(String method, String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?'))
                : pathAndQuery;
        return operations.stream()
                .filter(operation -> operation.method().equals(method) && operation.path().matcher(path).matches())
                .max((a, b) -> Integer.compare(a.literals(), b.literals()))
                .map(Operation::name).orElse(null);
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (METHODS.contains(method)) {
                        String[] segments = path.getKey().split("/");
                        String regex = Arrays.stream(segments).map(segment -> segment.startsWith("{") ? "[^/]+"
                                : Pattern.quote(segment)).collect(Collectors.joining("/"));
                        int literals = (int) Arrays.stream(segments).filter(s -> !s.startsWith("{")).count();
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
                                Pattern.compile(regex), literals));
                    }
                }));
        return operations;
    }

    /**
     * The document with every object schema closed that does not say which other fields it takes: what the service
     * sends beyond the listed fields is then a violation instead of passing unseen.
     */
    static JsonNode strict(JsonNode document) {
        JsonNode copy = document.deepCopy();
        copy.path("components").path("schemas").forEach(ApiContractTest::close);
        copy.path("paths").forEach(item -> item.forEach(operation -> {
            operation.path("parameters").forEach(parameter -> close(parameter.path("schema")));
            operation.path("requestBody").path("content").forEach(media -> close(media.path("schema")));
            operation.path("responses").forEach(response -> {
                response.path("content").forEach(media -> close(media.path("schema")));
                response.path("headers").forEach(header -> close(header.path("schema")));
            });
        }));
        return copy;
    }

    private static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        JsonNode type = node.path("type");
        boolean object = node.has("properties") || "object".equals(type.asText())
                         || type.isArray() && StreamSupport.stream(type.spliterator(), false)
                                 .anyMatch(t -> "object".equals(t.asText()));
        if (object && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(ApiContractTest::close);
        close(node.path("items"));
        close(node.path("additionalProperties"));
        close(node.path("not"));
        for (String composition : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            node.path(composition).forEach(ApiContractTest::close);
        }
    }

    private String service() {
        return "http://localhost:" + port;
    }
}
