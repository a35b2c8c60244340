package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.awaitIncidentView;

/**
 * Scale-out on PostgreSQL: two command nodes and two query nodes, each its own process started from its own
 * deployable's jar (the command node without the query side and its migrations, and the other way round).
 * The query nodes share the projections' segments; commands for the same incidents go to both command nodes; then
 * one command node and one query node are killed with SIGKILL mid-load. The commands that were in flight are sent
 * again to the survivor with their idempotency keys. In the end every acknowledged command's event is there once,
 * each incident's sequence is gapless, the surviving query node took over every segment, and once the killed query
 * node is back both query nodes share the segments again and answer the same views. A replay, which needs every
 * segment, is refused with the reason while the other node holds some.
 * <p>
 * Runnable alone: {@code ./mvnw -B verify -pl incident-app -am -Dtest=ScaleOutTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Counts go to the test output and {@code target/scale-out-report.txt}.
 */
class ScaleOutTest {

    private static final int WRITERS = 4;
    private static final int INCIDENTS = 3;
    private static final List<String> PROCESSORS = List.of("incident-views", "learning-views");
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1_500);
    private static final Duration LOAD_AFTER_KILL = Duration.ofMillis(1_500);
    /** The suite's keys (one per role), which the nodes' own jars do not carry. */
    private static final Path TEST_KEYS = Path.of("target", "test-classes", "config", "application.yml")
            .toAbsolutePath();

    @TempDir
    Path dataDir;

    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private record Sent(String key, String incident, String text) {
    }

    @AfterEach
    void stopNodes() {
        nodes.values().forEach(Process::destroyForcibly);
    }

    @Test
    void nodesShareTheWorkAndSurviveTheLossOfOneCommandAndOneQueryNode() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*", "");
            JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
            for (String node : List.of("command-1", "command-2", "query-1", "query-2")) {
                ports.put(node, freePort());
                start(node, url);
            }
            for (String node : nodes.keySet()) {
                awaitHealthy(node);
            }
            ServiceClient command1 = client("command-1");
            ServiceClient command2 = client("command-2");

            await("each query node claims one segment of each projection").atMost(Duration.ofSeconds(60))
                    .until(() -> owners(database).equals(Map.of("incident-views", Set.of("query-1", "query-2"),
                            "learning-views", Set.of("query-1", "query-2")))
                                 && claimsPerNode(database).values().stream().allMatch(count -> count == 2));

            List<String> incidents = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                ServiceClient declaring = i % 2 == 0 ? command1 : command2;
                incidents.add(declaring.post("/api/incidents", json("title", "Scale-out #" + i, "severity", "SEV2",
                        "startedAt", "2026-01-01T00:00:00Z", "teams", List.of("ops"))).id());
            }

            ConcurrentLinkedQueue<Map.Entry<Sent, String>> answered = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Sent> inFlight = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Sent> refused = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                // Writers 0 and 2 go to command-1, 1 and 3 to command-2; every writer writes to every incident.
                ServiceClient node = w % 2 == 0 ? command1 : command2;
                Thread writer = writer(node, incidents, w, stop, answered, inFlight, refused);
                writer.start();
                writers.add(writer);
            }
            // The kills fall in the middle of the load: time passing is the point, with every writer writing.
            await("every writer keeps writing").during(LOAD_BEFORE_KILL).atMost(LOAD_BEFORE_KILL.plusSeconds(5))
                    .until(() -> writers.stream().allMatch(Thread::isAlive));
            kill("command-2");
            kill("query-1");
            long killedAt = System.nanoTime();
            List<Thread> writersOfCommand1 = List.of(writers.get(0), writers.get(2));
            await("the writers of command-1 keep writing").during(LOAD_AFTER_KILL)
                    .atMost(LOAD_AFTER_KILL.plusSeconds(5))
                    .until(() -> writersOfCommand1.stream().allMatch(Thread::isAlive));
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(answered.stream().filter(answer -> answer.getKey().key().startsWith("writer-1-")))
                    .as("command-2 acknowledged commands before it was killed").isNotEmpty();
            assertThat(inFlight).as("writers of command-2 lost their node").isNotEmpty();

            Map<String, String> acknowledged = new LinkedHashMap<>();
            answered.forEach(answer -> acknowledged.put(answer.getKey().text(), answer.getValue()));
            Set<String> refusedTexts = refused.stream().map(Sent::text).collect(Collectors.toSet());
            // A command cut off by the kill may or may not be stored; sent again to the survivor it is stored once.
            for (Sent sent : inFlight) {
                var again = send(command1, sent);
                assertThat(again.status()).as(again.body()).isEqualTo(201);
                acknowledged.put(sent.text(), again.id());
            }

            await("query-2 takes over every segment").atMost(Duration.ofSeconds(60))
                    .until(() -> claimsPerNode(database).equals(Map.of("query-2", 4)));
            long takeoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

            ServiceClient query2 = client("query-2");
            long events = 0;
            Map<String, String> storedIds = new LinkedHashMap<>();
            for (String incident : incidents) {
                List<JsonNode> stored = events(query2, incident);
                events += stored.size();
                assertThat(stored.stream().map(e -> e.path("sequence").asLong()).toList()).as("gapless sequence")
                        .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
                List<String> texts = stored.stream().skip(1).map(e -> e.path("payload").path("text").asText())
                        .toList();
                assertThat(new HashSet<>(texts)).as("nothing stored twice").hasSameSizeAs(texts);
                assertThat(texts.stream().filter(refusedTexts::contains).toList()).as("refused but stored").isEmpty();
                stored.stream().skip(1).forEach(e -> storedIds.put(e.path("payload").path("text").asText(),
                        e.path("payload").path("entryId").asText()));
            }
            Map<String, String> lost = new LinkedHashMap<>(acknowledged);
            lost.entrySet().removeIf(ack -> ack.getValue().equals(storedIds.get(ack.getKey())));
            assertThat(lost).as("acknowledged but not stored with the acknowledged id").isEmpty();

            start("query-1", url);
            awaitHealthy("query-1");
            await("the restarted query node gets its share back").atMost(Duration.ofSeconds(60))
                    .until(() -> claimsPerNode(database).equals(Map.of("query-1", 2, "query-2", 2)));
            Map<String, String> viewsOnQuery1 = caughtUpViews(client("query-1"), incidents);
            Map<String, String> viewsOnQuery2 = caughtUpViews(query2, incidents);
            assertThat(viewsOnQuery1).as("views answered by query-1 and query-2").isEqualTo(viewsOnQuery2);

            // A replay swaps its rebuilt views in under every segment's claim: another node holding one is named.
            ServiceClient query1 = client("query-1");
            assertThat(query1.post("/api/admin/projections/incident-views/replay", "").status()).isEqualTo(202);
            await("the replay reports the other node's claims").atMost(Duration.ofSeconds(30))
                    .until(() -> query1.get("/api/admin/projections/incident-views").json().path("replay")
                            .path("error").asText().startsWith("Another query node holds segments of incident-views"));
            assertThat(caughtUpViews(query2, incidents)).as("views after the refused replay").isEqualTo(viewsOnQuery2);

            String report = "scale-out on postgres: commandNodes=2 queryNodes=2 killed=command-2,query-1"
                            + " acknowledged=" + acknowledged.size() + " resentAfterKill=" + inFlight.size()
                            + " refused=" + refusedTexts.size() + " events=" + events + " lost=" + lost.size()
                            + " takeoverMs=" + takeoverMillis;
            System.out.println(report);
            Files.writeString(Path.of("target", "scale-out-report.txt"), report + System.lineSeparator());
        }
    }

    private static Thread writer(ServiceClient node, List<String> incidents, int writer, AtomicBoolean stop,
                                 ConcurrentLinkedQueue<Map.Entry<Sent, String>> answered,
                                 ConcurrentLinkedQueue<Sent> inFlight, ConcurrentLinkedQueue<Sent> refused) {
        return new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String key = "writer-" + writer + "-" + i;
                Sent sent = new Sent(key, incidents.get((writer + i) % incidents.size()), "Observation " + key);
                try {
                    var answer = send(node, sent);
                    if (answer.status() == 201) {
                        answered.add(Map.entry(sent, answer.id()));
                    } else {
                        refused.add(sent);
                    }
                } catch (RuntimeException connectionLost) {
                    inFlight.add(sent);
                    return;
                }
            }
        });
    }

    private static ServiceClient.Answer send(ServiceClient node, Sent sent) {
        return node.post("/api/incidents/" + sent.incident() + "/timeline-entries",
                json("occurredAt", "2026-01-01T00:01:00Z", "team", "ops", "kind", "OBSERVATION",
                        "text", sent.text()), "Idempotency-Key", sent.key());
    }

    private static List<JsonNode> events(ServiceClient node, String incident) {
        ServiceClient auditor = node.withKey(ServiceClient.AUDITOR_KEY);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = auditor.get("/api/incidents/" + incident + "/events?size=500&page=" + page).json();
            answer.path("items").forEach(all::add);
            if (all.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
                return all;
            }
        }
    }

    private static Map<String, String> caughtUpViews(ServiceClient node, List<String> incidents) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String incident : incidents) {
            int version = events(node, incident).size();
            var view = awaitIncidentView(node, incident, version, Duration.ofSeconds(60));
            assertThat(view.version()).as("view of " + incident).isEqualTo(version);
            views.put(incident, view.body());
        }
        return views;
    }

    /** Who holds each processor's claims, by processor. */
    private static Map<String, Set<String>> owners(JdbcTemplate database) {
        Map<String, Set<String>> owners = new TreeMap<>();
        database.query("SELECT processor_name, owner FROM token_entry", row -> {
            owners.computeIfAbsent(row.getString(1), processor -> new HashSet<>()).add(row.getString(2));
        });
        return owners;
    }

    /** How many segments each node holds over all processors; a segment nobody holds counts for "null". */
    private static Map<String, Integer> claimsPerNode(JdbcTemplate database) {
        Map<String, Integer> claims = new TreeMap<>();
        database.query("SELECT owner FROM token_entry WHERE processor_name IN ('incident-views', 'learning-views')",
                row -> {
                    claims.merge(String.valueOf(row.getString(1)), 1, Integer::sum);
                });
        return claims;
    }

    private ServiceClient client(String node) {
        return new ServiceClient("http://localhost:" + ports.get(node));
    }

    /** A node runs from its own deployable's jar, as an operator starts it: the other side is not in it. */
    private void start(String node, String url) throws IOException {
        String deployable = node.startsWith("command") ? "incident-command-node" : "incident-query-node";
        Path jar = Path.of("").toAbsolutePath().resolveSibling(deployable).resolve("target").resolve(deployable
                + ".jar");
        assertThat(jar).as("the packaged deployable (./mvnw -B verify packages it before this module's tests)")
                .exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path logs = Files.createDirectories(Path.of("target", "scale-out-logs"));
        nodes.put(node, new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + ports.get(node),
                "--spring.config.additional-location=" + TEST_KEYS.toUri(),
                "--incident.node-id=" + node, "--incident.data-dir=" + dataDir.resolve(node),
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(node + "-" + System.currentTimeMillis() + ".log").toFile())
                .start());
    }

    private void kill(String node) throws InterruptedException {
        Process process = nodes.get(node);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitHealthy(String node) {
        ServiceClient client = client(node);
        // Refused connections while it starts; a process that died will never answer.
        await(node + " is healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast(node + " is not running", () -> !nodes.get(node).isAlive())
                .ignoreException(UncheckedIOException.class)
                .until(() -> client.get("/actuator/health").status() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
