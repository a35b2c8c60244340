package org.incidentlearning.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the cost of a command grows with its incident: one incident filled with timeline entries of about 210
 * characters, and at each of its sizes a run of probes sent one at a time: how long the command takes, and how long
 * after its answer the entry shows in the incident's view (read as one entry, so the read does not grow with the
 * incident either). A view read whole is timed too, at each size.
 */
final class BigIncident {

    record AtSize(int entries, Latencies command, Latencies visible, Latencies wholeView, long notSeen) {
    }

    record Figures(List<AtSize> sizes, double fillSeconds) {
    }

    private static final int PROBES = 40;
    private static final int VIEW_READS = 5;
    private static final int FILLERS = 8;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String TEXT = "x".repeat(180);

    private final ServiceClient client;
    private final String run = "big-" + Long.toString(System.currentTimeMillis(), 36);

    BigIncident(ServiceClient client) {
        this.client = client;
    }

    Figures run(List<Integer> sizes) throws InterruptedException {
        String incident = Ingest.expectCreated(client.post("/api/incidents", Map.of("title", "One big incident",
                "severity", "SEV2", "startedAt", "2024-06-01T00:00:00Z", "teams", List.of("checkout"),
                "components", List.of("checkout-api")), run + "-declare")).path("id").asText();
        AtomicLong recorded = new AtomicLong();
        double fillSeconds = 0;
        List<AtSize> figures = new ArrayList<>();
        for (int size : sizes) {
            long target = size - PROBES;
            long started = System.nanoTime();
            fill(incident, size, target, recorded);
            fillSeconds += (System.nanoTime() - started) / 1e9;
            Replay.awaitCaughtUp(client, Duration.ofMinutes(5));
            figures.add(probe(incident, size, recorded));
            Report.say("big incident at %,d entries: command p50 %.1f ms; visible p50 %.1f ms, p99 %.1f ms; whole "
                       + "view p50 %.1f ms", size, figures.get(figures.size() - 1).command().percentileMillis(50),
                    figures.get(figures.size() - 1).visible().percentileMillis(50),
                    figures.get(figures.size() - 1).visible().percentileMillis(99),
                    figures.get(figures.size() - 1).wholeView().percentileMillis(50));
        }
        return new Figures(figures, fillSeconds);
    }

    /** Entries from a few clients at once until the incident holds {@code target}. */
    private void fill(String incident, int size, long target, AtomicLong recorded) throws InterruptedException {
        ExecutorService fillers = Executors.newFixedThreadPool(FILLERS);
        for (int i = 0; i < FILLERS; i++) {
            fillers.execute(() -> {
                for (long n = recorded.getAndIncrement(); n < target; n = recorded.getAndIncrement()) {
                    Ingest.expectCreated(entry(incident, "fill-" + size + "-" + n));
                }
            });
        }
        fillers.shutdown();
        if (!fillers.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The big incident was not filled within 30 minutes");
        }
        recorded.set(target);
    }

    private AtSize probe(String incident, int size, AtomicLong recorded) {
        Latencies command = new Latencies();
        Latencies visible = new Latencies();
        Latencies wholeView = new Latencies();
        long notSeen = 0;
        for (int i = 0; i < PROBES; i++) {
            long sent = System.nanoTime();
            ServiceClient.Answer answer = entry(incident, "probe-" + size + "-" + i);
            long acked = System.nanoTime();
            String id = Ingest.expectCreated(answer).path("id").asText();
            recorded.incrementAndGet();
            command.add(acked - sent);
            boolean seen = false;
            while (!seen && System.nanoTime() - acked < TIMEOUT_NANOS) {
                seen = client.get("/api/incidents/" + incident + "/timeline-entries/" + id).status() == 200;
                if (!seen) {
                    pause();
                }
            }
            if (seen) {
                visible.add(System.nanoTime() - acked);
            } else {
                notSeen++;
            }
        }
        for (int i = 0; i < VIEW_READS; i++) {
            long sent = System.nanoTime();
            if (client.get("/api/incidents/" + incident).status() == 200) {
                wholeView.add(System.nanoTime() - sent);
            }
        }
        return new AtSize(size, command, visible, wholeView, notSeen);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceClient.Answer entry(String incident, String key) {
        return client.post("/api/incidents/" + incident + "/timeline-entries", Map.of(
                "occurredAt", Instant.parse("2024-06-01T00:00:00Z").toString(), "team", "checkout",
                "kind", "OBSERVATION", "text", "Observed at " + key + ": " + TEXT), run + "-" + key);
    }

    static Map<String, Object> figures(Figures big) {
        Map<String, Object> figures = new LinkedHashMap<>();
        AtSize small = big.sizes().get(0);
        AtSize large = big.sizes().get(big.sizes().size() - 1);
        figures.put("catchUpRatio", Report.round(large.visible().percentileMillis(50)
                                                 / small.visible().percentileMillis(50)));
        figures.put("commandRatio", Report.round(large.command().percentileMillis(50)
                                                 / small.command().percentileMillis(50)));
        figures.put("fillSeconds", Report.round(big.fillSeconds()));
        for (AtSize size : big.sizes()) {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("commandP50Ms", Report.round(size.command().percentileMillis(50)));
            at.put("commandP99Ms", Report.round(size.command().percentileMillis(99)));
            at.put("visibleP50Ms", Report.round(size.visible().percentileMillis(50)));
            at.put("visibleP99Ms", Report.round(size.visible().percentileMillis(99)));
            at.put("wholeViewP50Ms", Report.round(size.wholeView().percentileMillis(50)));
            at.put("probes", size.command().count());
            at.put("notSeenWithin10s", size.notSeen());
            figures.put("at" + size.entries(), at);
        }
        return figures;
    }
}
