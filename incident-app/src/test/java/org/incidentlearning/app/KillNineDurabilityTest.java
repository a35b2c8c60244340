package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentlearning.app.ServiceClient.json;
import static org.incidentlearning.app.ViewsCatchUp.awaitIncidentView;
import static org.incidentlearning.app.ViewsCatchUp.awaitReplayed;

/**
 * Crash recovery. The service runs as its own process on one store. In each round, writers send commands with unique
 * idempotency keys over several incidents while the process is killed with SIGKILL at a random moment; then it
 * restarts on the same store and the commands that were in flight are sent again with their keys. In the end every
 * acknowledged command's event is there, each incident's sequence runs without gaps or duplicates, nothing was stored
 * twice, and the views equal a fresh replay.
 * <p>
 * Runnable alone, with more kill points: {@code ./mvnw -B verify -pl incident-app -am
 * -Dtest=KillNineDurabilityTest -Dsurefire.failIfNoSpecifiedTests=false -Dcrash.rounds=20}; {@code -Dcrash.seed=N}
 * repeats a run's kill moments. Counts go to the test output and {@code target/crash-report-<store>.txt}.
 */
class KillNineDurabilityTest {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int WRITERS = 4;
    private static final int INCIDENTS = 3;
    /** Kill moments fall in this window after the writers start. */
    private static final int EARLIEST_KILL_MS = 200;
    private static final int LATEST_KILL_MS = 1_800;

    @TempDir
    Path dataDir;

    private Process service;

    /** One command as sent: its key, its incident and its text (unique, so a duplicate is visible). */
    private record Sent(String key, String incident, String text) {
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void noAcknowledgedCommandIsLostAtAnyKillPointOnTheEmbeddedStore() throws Exception {
        survivesKills("h2", List.of("--incident.data-dir=" + dataDir));
    }

    /** PostgreSQL outlives the killed service, as a database server does; only the service process dies. */
    @Test
    void noAcknowledgedCommandIsLostAtAnyKillPointOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*", "");
            survivesKills("postgres", List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
    }

    private void survivesKills(String store, List<String> storeArguments) throws Exception {
        int port = freePort();
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        service = start(port, storeArguments);
        awaitHealthy(client);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(client.post("/api/incidents", json("title", "Kill -9 #" + i, "severity", "SEV1",
                    "startedAt", "2026-01-01T00:00:00Z", "teams", List.of("ops"))).id());
        }

        Random killMoments = new Random(SEED);
        Map<String, String> acknowledged = new LinkedHashMap<>();
        Set<String> refusedTexts = new HashSet<>();
        int resent = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            ConcurrentLinkedQueue<Map.Entry<Sent, String>> answered = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Sent> inFlight = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Sent> refused = new ConcurrentLinkedQueue<>();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread writer = writer(client, incidents, round, w, answered, inFlight, refused);
                writer.start();
                writers.add(writer);
            }
            // The kill falls at a random moment of the load: time passing is the point, with the writers writing.
            Duration killAfter = Duration.ofMillis(EARLIEST_KILL_MS
                                                   + killMoments.nextInt(LATEST_KILL_MS - EARLIEST_KILL_MS));
            await("the writers keep writing until the kill").during(killAfter).atMost(killAfter.plusSeconds(5))
                    .until(() -> writers.stream().allMatch(Thread::isAlive));
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread writer : writers) {
                writer.join();
            }
            answered.forEach(answer -> acknowledged.put(answer.getKey().text(), answer.getValue()));
            refused.forEach(sent -> refusedTexts.add(sent.text()));

            service = start(port, storeArguments);
            awaitHealthy(client);
            // A command cut off by the kill may or may not be stored; sent again with its key it is stored once.
            for (Sent sent : inFlight) {
                var again = send(client, sent);
                assertThat(again.status()).as(again.body()).isEqualTo(201);
                acknowledged.put(sent.text(), again.id());
                resent++;
            }
        }

        long events = 0;
        for (String incident : incidents) {
            List<JsonNode> stored = events(client, incident);
            events += stored.size();
            assertThat(stored.stream().map(e -> e.path("sequence").asLong()).toList()).as("gapless sequence")
                    .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            List<String> texts = stored.stream().skip(1).map(e -> e.path("payload").path("text").asText()).toList();
            assertThat(new HashSet<>(texts)).as("nothing stored twice").hasSameSizeAs(texts);
            assertThat(texts.stream().filter(refusedTexts::contains).toList()).as("refused but stored").isEmpty();
        }
        Map<String, String> storedIds = new LinkedHashMap<>();
        for (String incident : incidents) {
            events(client, incident).stream().skip(1).forEach(e -> storedIds.put(e.path("payload").path("text")
                    .asText(), e.path("payload").path("entryId").asText()));
        }
        Map<String, String> lost = new LinkedHashMap<>(acknowledged);
        lost.entrySet().removeIf(ack -> ack.getValue().equals(storedIds.get(ack.getKey())));
        assertThat(lost).as("acknowledged but not stored with the acknowledged id").isEmpty();

        Map<String, String> live = awaitViews(client, incidents);
        replayProjections(client);
        assertThat(awaitViews(client, incidents)).as("views after a fresh replay").isEqualTo(live);

        String report = "crash recovery on " + store + ": rounds=" + ROUNDS + " seed=" + SEED + " acknowledged="
                        + acknowledged.size() + " resentAfterKill=" + resent + " refused=" + refusedTexts.size()
                        + " events=" + events + " lost=" + lost.size();
        System.out.println(report);
        Files.writeString(Path.of("target", "crash-report-" + store + ".txt"), report + System.lineSeparator());
    }

    private static Thread writer(ServiceClient client, List<String> incidents, int round, int writer,
                                 ConcurrentLinkedQueue<Map.Entry<Sent, String>> answered,
                                 ConcurrentLinkedQueue<Sent> inFlight, ConcurrentLinkedQueue<Sent> refused) {
        return new Thread(() -> {
            for (int i = 0; ; i++) {
                String key = "round-" + round + "-writer-" + writer + "-" + i;
                Sent sent = new Sent(key, incidents.get((writer + i) % incidents.size()), "Observation " + key);
                try {
                    var answer = send(client, sent);
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

    private static ServiceClient.Answer send(ServiceClient client, Sent sent) {
        return client.post("/api/incidents/" + sent.incident() + "/timeline-entries",
                json("occurredAt", "2026-01-01T00:01:00Z", "team", "ops", "kind", "OBSERVATION",
                        "text", sent.text()), "Idempotency-Key", sent.key());
    }

    private static List<JsonNode> events(ServiceClient client, String incident) {
        ServiceClient auditor = client.withKey(ServiceClient.AUDITOR_KEY);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = auditor.get("/api/incidents/" + incident + "/events?size=500&page=" + page).json();
            answer.path("items").forEach(all::add);
            if (all.size() >= answer.path("total").asLong() || answer.path("items").isEmpty()) {
                return all;
            }
        }
    }

    /** After a kill the dead process's segment claims must time out before the restarted one takes over. */
    private static Map<String, String> awaitViews(ServiceClient client, List<String> incidents) {
        Map<String, String> views = new LinkedHashMap<>();
        for (String incident : incidents) {
            int version = events(client, incident).size();
            var view = awaitIncidentView(client, incident, version, Duration.ofSeconds(60));
            assertThat(view.json().path("version").asInt()).as("view of " + incident).isEqualTo(version);
            assertThat(view.json().path("timeline").size()).isEqualTo(version - 1);
            views.put(incident, view.body());
        }
        return views;
    }

    private static void replayProjections(ServiceClient client) {
        var accepted = client.post("/api/admin/projections/replay", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitReplayed(client, Duration.ofSeconds(60));
    }

    private Process start(int port, List<String> storeArguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                IncidentLearningApplication.class.getName(), "--server.port=" + port));
        command.addAll(storeArguments);
        // Kept under target/, so a failed run's service logs are there to read.
        Path logs = Files.createDirectories(Path.of("target", "crash-logs"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("service-" + System.currentTimeMillis() + ".log").toFile())
                .start();
    }

    private void awaitHealthy(ServiceClient client) {
        // Refused connections while it starts; a process that died will never answer.
        await("the service is healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("the service process is not running", () -> !service.isAlive())
                .ignoreException(UncheckedIOException.class)
                .until(() -> client.get("/actuator/health").status() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
