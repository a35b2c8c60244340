package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ProblemAssertions.assertProblem;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.awaitIncidentView;
import static org.incidentlearning.app.ViewsCatchUp.awaitReplayed;

/**
 * The whole service on PostgreSQL by configuration only: the {@code postgres} profile and the three standard
 * datasource properties, against a real PostgreSQL server run from binaries that a Maven artifact ships (no Docker,
 * nothing installed). The tests build on each other in order, on one database: the story, retries and conflicts,
 * a replay, a second node writing to the same incident, and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresModeTest {

    private static final String DATABASE = "incidents";
    private static final String USER = "incident_service";
    private static final String PASSWORD = "incident-service-test-password";

    private EmbeddedPostgres postgres;
    private JdbcTemplate database;
    private ConfigurableApplicationContext service;
    private ServiceClient client;
    private String incident;

    @BeforeAll
    void startPostgresAndTheService() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        admin.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        database = new JdbcTemplate(postgres.getDatabase(USER, DATABASE));
        service = start();
        client = client(service);
    }

    @AfterAll
    void stopBoth() throws IOException {
        if (service != null) {
            service.close();
        }
        postgres.close();
    }

    @Test
    @Order(1)
    void flywayOwnsTheSchemaWithBinaryColumnsAsBytea() {
        assertThat(database.queryForList("SELECT table_name || '.' || column_name || ' ' || data_type "
                                         + "FROM information_schema.columns WHERE column_name IN "
                                         + "('payload', 'meta_data', 'token') ORDER BY 1", String.class))
                .containsExactly("domain_event_entry.meta_data bytea", "domain_event_entry.payload bytea",
                        "incident_part.payload text", "snapshot_event_entry.meta_data bytea",
                        "snapshot_event_entry.payload bytea", "token_entry.token bytea");
        assertThat(database.queryForList("SELECT data_type FROM information_schema.columns "
                                         + "WHERE table_name = 'incident_view' AND column_name = 'header'",
                String.class)).containsExactly("text");
        assertThat(database.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY "
                                         + "installed_rank", String.class))
                .containsExactly("1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "4.1",
                        "5.1");
    }

    @Test
    @Order(2)
    void anIncidentIsRecordedAndReadBackInEveryView() {
        var declared = client.post("/api/incidents", json("title", "Checkout down after netlib change",
                "severity", "SEV2", "startedAt", "2026-03-02T09:00:00Z", "teams", List.of("checkout", "security"),
                "components", List.of("checkout-api", "netlib")));
        assertCreated(declared, 1);
        incident = declared.id();
        assertThat(declared.header("Location")).endsWith("/api/incidents/" + incident);
        String base = "/api/incidents/" + incident;
        assertCreated(client.post(base + "/timeline-entries", json("occurredAt", "2026-03-02T09:20:00Z",
                "team", "checkout", "kind", "ACTION", "text", "Rolled back the deploy")), 2);
        assertCreated(client.post(base + "/mental-models", json("team", "security", "subject", "netlib",
                "belief", "Nobody uses the legacy options")), 3);
        assertCreated(client.post(base + "/linkages", json("kind", "TECHNICAL", "from", "checkout-api",
                "to", "netlib", "description", "Loads the legacy options", "condition", "TLS renegotiation fails",
                "believedAbsent", true)), 4);
        var remediation = client.post(base + "/remediations", json("team", "checkout",
                "description", "Migrate off the legacy options"));
        assertCreated(remediation, 5);
        var declined = client.post(base + "/remediations/" + remediation.id() + "/decline", json("rationale",
                "A quarter of work", "acceptedRisk", "Short outages", "revisitBy", "2026-09-01"));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.version()).isEqualTo(6);
        assertThat(client.post(base + "/classify", json("labels", List.of("dependency"))).version()).isEqualTo(7);

        JsonNode view = client.get(base).json();
        assertThat(view.path("version").asLong()).isEqualTo(7);
        assertThat(view.path("startedAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(view.path("timeline").get(0).path("text").asText()).isEqualTo("Rolled back the deploy");
        assertThat(view.path("remediations").get(0).path("revisitBy").asText()).isEqualTo("2026-09-01");
        JsonNode events = client.withKey(ServiceClient.AUDITOR_KEY).get(base + "/events").json();
        assertThat(events.path("total").asInt()).isEqualTo(7);
        assertThat(texts(events.path("items"), "type")).startsWith("IncidentDeclaredEvent",
                "TimelineEntryRecordedEvent");
        assertThat(events.path("items").get(0).path("payload").path("title").asText())
                .isEqualTo("Checkout down after netlib change");

        assertThat(client.get("/api/incidents?team=checkout").json().path("total").asInt()).isEqualTo(1);
        JsonNode hotspots = ok("/api/hotspots?by=component&bucket=month");
        assertThat(texts(hotspots.path("series"), "key")).containsExactlyInAnyOrder("checkout-api", "netlib");
        assertThat(hotspots.path("series").get(0).path("points").get(0).path("bucket").asText()).isEqualTo("2026-03");
        JsonNode edge = ok("/api/map").path("edges").get(0);
        assertThat(edge.path("condition").asText()).isEqualTo("TLS renegotiation fails");
        assertThat(edge.path("believedAbsent").asBoolean()).isTrue();
        JsonNode ledger = ok("/api/remediations?team=checkout&state=DECLINED");
        assertThat(texts(ledger.path("items"), "remediationId")).containsExactly(remediation.id());
        // The belief, the linkage and the remediation all name the legacy options; search ignores case.
        assertThat(ok("/api/search?q=LEGACY%20options").path("total").asInt()).isEqualTo(3);
        assertThat(texts(ok("/api/learning/lens").path("classifications"), "label")).containsExactly("dependency");
        assertThat(ok("/api/teams/checkout/context").path("remediations").get(0).path("state").asText())
                .isEqualTo("DECLINED");
    }

    @Test
    @Order(3)
    void anIdempotentRetryAnswersTheSameAndStoresNothing() {
        String base = "/api/incidents/" + incident;
        String body = json("team", "checkout", "kind", "PRESSURE", "description", "Sales event on Friday");
        var first = client.post(base + "/contexts", body, "Idempotency-Key", "pg-context-1");
        assertCreated(first, 8);
        var retried = client.post(base + "/contexts", body, "Idempotency-Key", "pg-context-1");
        assertThat(retried.body()).isEqualTo(first.body());
        var reused = client.post(base + "/contexts", json("team", "checkout", "kind", "PRESSURE",
                "description", "Another request"), "Idempotency-Key", "pg-context-1");
        assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(storedEventsOf(incident)).isEqualTo(8);
        assertThat(database.queryForObject("SELECT result_changed FROM idempotency_key WHERE idempotency_key = ?",
                Boolean.class, "pg-context-1")).isTrue();
    }

    @Test
    @Order(4)
    void aStaleIfMatchIsAConflictAndStoresNothing() {
        String base = "/api/incidents/" + incident;
        String body = json("team", "checkout", "kind", "CONSTRAINT", "description", "One on-call engineer");
        assertProblem(client.post(base + "/contexts", body, "If-Match", "\"3\""), 409, "STALE_VERSION");
        assertThat(storedEventsOf(incident)).isEqualTo(8);
        var current = client.post(base + "/contexts", body, "If-Match", "\"8\"");
        assertCreated(current, 9);
        assertThat(current.header("ETag")).isEqualTo("\"9\"");
    }

    @Test
    @Order(5)
    void requestsRacingWithOneIdempotencyKeyDeclareOneIncident() throws Exception {
        String body = json("title", "Raced declaration", "severity", "SEV3", "startedAt", "2026-04-01T08:00:00Z",
                "teams", List.of("ops"));
        List<ServiceClient.Answer> answers = concurrently(6, 1, (writer, i) -> client.post("/api/incidents", body,
                "Idempotency-Key", "pg-raced-declaration"));

        assertThat(answers.stream().map(answer -> answer.status() + " " + answer.body()))
                .allMatch(answer -> answer.startsWith("201 "));
        assertThat(answers.stream().map(ServiceClient.Answer::id).distinct()).hasSize(1);
        assertThat(database.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE "
                                           + "'%IncidentDeclaredEvent' AND aggregate_identifier = ?", Long.class,
                answers.get(0).id())).isEqualTo(1);
        assertThat(client.get("/api/incidents?team=ops").json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aReplayRebuildsTheSameViews() {
        List<String> reads = List.of("/api/incidents/" + incident, "/api/incidents?size=100", "/api/map",
                "/api/remediations?size=100", "/api/search?q=legacy", "/api/learning/lens",
                "/api/hotspots?by=team&bucket=month", "/api/teams/checkout/context");
        Map<String, String> before = client.bodies(reads);
        // A row no event wrote: gone after the replay only if fresh tables took the old ones' place.
        database.update("INSERT INTO learning_incident (incident_id, title, started_at) VALUES ('stray', 'Stray', "
                        + "CURRENT_TIMESTAMP)");

        var accepted = client.withKey(ServiceClient.ADMIN_KEY).post("/api/admin/projections/replay", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitReplayed(client.withKey(ServiceClient.ADMIN_KEY), Duration.ofSeconds(30));

        assertThat(client.bodies(reads)).isEqualTo(before);
        assertThat(database.queryForObject("SELECT COUNT(*) FROM learning_incident WHERE incident_id = 'stray'",
                Long.class)).isZero();
        // The swapped-in tables carry the live names of their indexes and keys, as later migrations expect.
        assertThat(database.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'team_entry'",
                String.class)).containsExactlyInAnyOrder("team_entry_pkey", "team_entry_by_recording",
                "team_entry_by_part");
        assertThat(database.queryForList("SELECT tablename FROM pg_tables WHERE tablename LIKE '%\\_rebuild' "
                                         + "OR tablename LIKE '%\\_retired'", String.class)).isEmpty();
    }

    @Test
    @Order(7)
    void twoNodesWritingToOneIncidentStoreEverySequenceNumberOnce() throws Exception {
        String second = client.post("/api/incidents", json("title", "Busy on two nodes", "severity", "SEV3",
                "startedAt", "2026-04-02T08:00:00Z", "teams", List.of("ops"))).id();
        try (ConfigurableApplicationContext otherNode = start("--incident.node-id=second-node")) {
            List<ServiceClient> nodes = List.of(client, client(otherNode));
            List<ServiceClient.Answer> answers = concurrently(8, 10, (writer, i) -> nodes.get(writer % 2).post(
                    "/api/incidents/" + second + "/timeline-entries", json("occurredAt", "2026-04-02T08:00:00Z",
                            "team", "ops", "kind", "OBSERVATION", "text", "writer " + writer + " entry " + i)));

            // A write that lost the race for a sequence number is retried; one that lost every retry is a 409.
            assertThat(answers.stream().filter(answer -> answer.status() != 201).map(answer -> answer.status()
                    + " " + answer.body())).allMatch(answer -> answer.startsWith("409 ")
                                                               && answer.contains("\"CONCURRENT_MODIFICATION\""));
            List<Long> versions = answers.stream().filter(answer -> answer.status() == 201)
                    .map(ServiceClient.Answer::version).toList();
            assertThat(versions).doesNotHaveDuplicates();
            assertThat(database.queryForList("SELECT sequence_number FROM domain_event_entry "
                                             + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class,
                    second)).containsExactlyElementsOf(LongStream.range(0, versions.size() + 1).boxed().toList());
            // The second node's start moved a segment between the nodes; reads wait for it only so long.
            awaitIncidentView(client, second, versions.size() + 1, Duration.ofSeconds(30));
            assertThat(client.get("/api/incidents/" + second).json().path("timeline")).hasSize(versions.size());
        }
    }

    @Test
    @Order(7)
    void aNodeKeepingAnIncidentInMemoryNeitherRefusesNorOverwritesWhatAnotherNodeWrote() {
        String base = "/api/incidents/" + client.post("/api/incidents", json("title", "Kept in memory",
                "severity", "SEV3", "startedAt", "2026-04-03T08:00:00Z", "teams", List.of("ops", "dev"))).id();
        // This node now keeps the incident at version 2.
        String first = client.post(base + "/mental-models", json("team", "ops", "subject", "cache",
                "belief", "Entries expire after a minute")).id();
        try (ConfigurableApplicationContext otherNode = start("--incident.node-id=third-node")) {
            ServiceClient other = client(otherNode);
            String second = other.post(base + "/mental-models", json("team", "dev", "subject", "cache",
                    "belief", "Entries never expire")).id();

            // The model the other node recorded is not in what this node kept; the divergence is still accepted.
            var divergence = client.post(base + "/divergences", json("mentalModelIds", List.of(first, second),
                    "description", "Ops and dev disagreed on expiry", "effect", "Stale prices for an hour"));
            assertCreated(divergence, 4);
            assertCreated(other.post(base + "/timeline-entries", json("occurredAt", "2026-04-03T08:05:00Z",
                    "team", "ops", "kind", "OBSERVATION", "text", "Prices stale")), 5);
            // Version 5 is current, though this node last saw 4 itself.
            assertCreated(client.post(base + "/timeline-entries", json("occurredAt", "2026-04-03T08:06:00Z",
                    "team", "ops", "kind", "ACTION", "text", "Cache flushed"), "If-Match", "\"5\""), 6);
        }
        assertThat(database.queryForList("SELECT sequence_number FROM domain_event_entry "
                                         + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class,
                base.substring(base.lastIndexOf('/') + 1))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @Order(7)
    void aRecurrenceIsCheckedAgainstTheEarlierIncidentAsStoredNotAsThisNodeKeptIt() {
        String earlier = client.post("/api/incidents", json("title", "Declined once", "severity", "SEV3",
                "startedAt", "2026-04-04T08:00:00Z", "teams", List.of("ops"))).id();
        String remediation = client.post("/api/incidents/" + earlier + "/remediations", json("team", "ops",
                "description", "Replace the flaky switch")).id();
        // This node keeps the earlier incident with its remediation declined.
        assertThat(client.post("/api/incidents/" + earlier + "/remediations/" + remediation + "/decline",
                json("rationale", "Rare", "acceptedRisk", "A short outage", "revisitBy", "2026-10-01")).status())
                .isEqualTo(200);
        String later = client.post("/api/incidents", json("title", "The switch again", "severity", "SEV3",
                "startedAt", "2026-04-10T08:00:00Z", "teams", List.of("ops"))).id();
        try (ConfigurableApplicationContext otherNode = start("--incident.node-id=fourth-node")) {
            assertThat(client(otherNode).post("/api/incidents/" + earlier + "/remediations/" + remediation
                    + "/reopen", json("reason", "Budget after all")).status()).isEqualTo(200);
        }

        var recurrence = client.post("/api/incidents/" + later + "/recurrences", json("ofIncidentId", earlier,
                "remediationId", remediation));
        assertProblem(recurrence, 409, "RECURRENCE_NOT_ALLOWED");
        assertThat(database.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, later)).isEqualTo(1);
    }

    @Test
    @Order(8)
    void theChainsVerifyAndNoLargeObjectIsLeftBehind() {
        JsonNode verification = client.withKey(ServiceClient.AUDITOR_KEY).get("/api/verification").json();
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asLong())
                .isEqualTo(database.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
        assertThat(verification.path("incidents").asLong())
                .isEqualTo(database.queryForObject("SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry",
                        Long.class)).isEqualTo(6);
        assertThat(database.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    @Order(9)
    void aRestartOnTheSameDatabaseKeepsEverything() {
        String base = "/api/incidents/" + incident;
        Map<String, String> readsBefore = client.bodies(List.of(base, "/api/incidents?size=100", "/api/map",
                "/api/learning/lens"));
        String eventsBefore = client.withKey(ServiceClient.AUDITOR_KEY).get(base + "/events").body();
        service.close();

        service = start();
        client = client(service);

        assertThat(client.bodies(List.copyOf(readsBefore.keySet()))).isEqualTo(readsBefore);
        assertThat(client.withKey(ServiceClient.AUDITOR_KEY).get(base + "/events").body()).isEqualTo(eventsBefore);
        var retried = client.post(base + "/contexts", json("team", "checkout", "kind", "PRESSURE",
                "description", "Sales event on Friday"), "Idempotency-Key", "pg-context-1");
        assertThat(retried.version()).isEqualTo(8);
        assertCreated(client.post(base + "/timeline-entries", json("occurredAt", "2026-03-02T10:00:00Z",
                "team", "checkout", "kind", "ACTION", "text", "Re-enabled the deploy pipeline")), 10);
    }

    /**
     * A node in this JVM. Axon names the owner of a processing claim after the JVM, so a second node here needs a
     * node id of its own, or both would own every segment and handle each event twice.
     */
    private ConfigurableApplicationContext start(String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl(USER, DATABASE).replaceFirst("\\?.*", ""),
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(IncidentLearningApplication.class).run(arguments.toArray(String[]::new));
    }

    private static ServiceClient client(ConfigurableApplicationContext service) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return new ServiceClient("http://localhost:" + port);
    }

    private interface Write {
        ServiceClient.Answer send(int writer, int request);
    }

    /** Every answer of {@code writers} threads sending {@code each} requests at once. */
    private static List<ServiceClient.Answer> concurrently(int writers, int each, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ConcurrentLinkedQueue<ServiceClient.Answer> answers = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        answers.add(write.send(w, i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers).hasSize(writers * each);
        return List.copyOf(answers);
    }

    private long storedEventsOf(String incidentId) {
        return database.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, incidentId);
    }

    private JsonNode ok(String path) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void assertCreated(ServiceClient.Answer answer, long version) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.version()).isEqualTo(version);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }
}
