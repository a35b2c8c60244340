package org.incidentlearning.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentlearning.app.ServiceClient.json;

/**
 * The service runs as its own process; writers post while it is killed with SIGKILL, then it restarts on the same
 * data directory. Every command it acknowledged must be there, in a gapless sequence, and in the view.
 */
class KillNineDurabilityTest {

    private static final Duration LOAD = Duration.ofMillis(1500);

    @TempDir
    Path dataDir;

    private Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void noAcknowledgedCommandIsLostWhenTheProcessIsKilled() throws Exception {
        int port = freePort();
        ServiceClient client = new ServiceClient("http://localhost:" + port);
        service = start(port);
        awaitHealthy(client);
        String incident = client.post("/api/incidents", json("title", "Kill -9", "severity", "SEV1",
                "startedAt", "2026-01-01T00:00:00Z", "teams", List.of("ops"))).id();

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        long until = System.nanoTime() + LOAD.toNanos();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; System.nanoTime() < until; i++) {
                    try {
                        var answer = client.post("/api/incidents/" + incident + "/timeline-entries",
                                json("occurredAt", "2026-01-01T00:01:00Z", "team", "ops", "kind", "OBSERVATION",
                                        "text", "writer " + writer + " #" + i));
                        if (answer.status() == 201) {
                            acknowledged.add(answer.id());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        Thread.sleep(LOAD.toMillis() - 300);
        service.destroyForcibly();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(acknowledged).isNotEmpty();

        service = start(port);
        awaitHealthy(client);
        JsonNode events = client.get("/api/incidents/" + incident + "/events?size=500").json();
        List<JsonNode> items = StreamSupport.stream(events.path("items").spliterator(), false).toList();
        Set<String> storedEntries = items.stream().map(e -> e.path("payload").path("entryId").asText())
                .collect(Collectors.toSet());
        assertThat(storedEntries).containsAll(acknowledged);
        assertThat(items.stream().map(e -> e.path("sequence").asLong()).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, items.size()).boxed().toList());
        JsonNode view = awaitView(client, incident, items.size());
        assertThat(view.path("version").asInt()).isEqualTo(items.size());
        assertThat(view.path("timeline").size()).isEqualTo(items.size() - 1);
    }

    /** The killed node's segment claims must time out before the restarted node's projection takes over. */
    private static JsonNode awaitView(ServiceClient client, String incident, int version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode view = client.get("/api/incidents/" + incident).json();
        while (view.path("version").asInt() < version && System.nanoTime() < deadline) {
            Thread.sleep(200);
            view = client.get("/api/incidents/" + incident).json();
        }
        return view;
    }

    private Process start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                IncidentLearningApplication.class.getName(), "--server.port=" + port,
                "--incident.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private void awaitHealthy(ServiceClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("service process is running").isTrue();
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("service did not become healthy");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
