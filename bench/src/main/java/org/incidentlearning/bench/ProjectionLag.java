package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long after a command is acknowledged its effect shows in the views, under a steady load at a fixed rate (open
 * loop: requests leave on schedule whether or not earlier ones were answered). One command in ten is followed:
 * its incident view is read until it shows the acknowledged version. One new incident in ten declared carries a
 * component of its own, and the hot-spot timeline is read until that component appears.
 */
final class ProjectionLag {

    record Figures(int targetRate, double sentPerSecond, long acknowledged, Latencies incidentView,
                   Latencies hotspots, long notSeen) {
    }

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ServiceClient client;
    private final Settings settings;
    private final List<String> incidents;

    ProjectionLag(ServiceClient client, Settings settings, List<String> incidents) {
        this.client = client;
        this.settings = settings;
        this.incidents = incidents;
    }

    Figures run(int rate) throws InterruptedException {
        CommandMix mix = new CommandMix(incidents, 1.1);
        String run = "lag-" + Long.toString(System.currentTimeMillis(), 36);
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ExecutorService viewWatchers = Executors.newFixedThreadPool(8);
        ExecutorService hotspotWatcher = Executors.newSingleThreadExecutor();
        Latencies viewLag = new Latencies();
        Latencies hotspotLag = new Latencies();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong notSeen = new AtomicLong();
        SplittableRandom random = new SplittableRandom(settings.seed() + 7);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long end = start + settings.lagLoad().toNanos();
        long sent = 0;
        for (long due = start; due < end; due += interval, sent++) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long number = sent;
            CommandMix.Command drawn = mix.next(random, number);
            boolean hotspotProbe = drawn.kind().equals("declare") && number % 10 == 0;
            CommandMix.Command command = hotspotProbe ? withProbeComponent(drawn, run + "-" + number) : drawn;
            senders.execute(() -> {
                ServiceClient.Answer answer = client.post(command.path(), command.body(), run + "-" + number);
                if (answer.status() != 201) {
                    return;
                }
                long acked = System.nanoTime();
                acknowledged.incrementAndGet();
                JsonNode body = answer.json();
                mix.answered(command, body.path("id").asText());
                if (hotspotProbe) {
                    hotspotWatcher.execute(() -> watchHotspots(run + "-" + number, acked, hotspotLag, notSeen));
                } else if (number % 10 == 0) {
                    String incident = command.incidentId() == null ? body.path("id").asText() : command.incidentId();
                    long version = body.path("version").asLong();
                    viewWatchers.execute(() -> watchView(incident, version, acked, viewLag, notSeen));
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (ExecutorService pool : List.of(senders, viewWatchers, hotspotWatcher)) {
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The lag probes did not finish within a minute");
            }
        }
        return new Figures(rate, sent / seconds, acknowledged.get(), viewLag, hotspotLag, notSeen.get());
    }

    private static CommandMix.Command withProbeComponent(CommandMix.Command declare, String probe) {
        Map<String, Object> body = new LinkedHashMap<>(declare.body());
        List<String> components = new ArrayList<>(castList(body.get("components")));
        components.add(probe);
        body.put("components", components);
        return new CommandMix.Command(declare.kind(), null, declare.path(), body);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object list) {
        return (List<String>) list;
    }

    private void watchView(String incident, long version, long acked, Latencies lag, AtomicLong notSeen) {
        while (System.nanoTime() - acked < TIMEOUT_NANOS) {
            ServiceClient.Answer view = client.get("/api/incidents/" + incident);
            if (view.status() == 200 && view.json().path("version").asLong() >= version) {
                synchronized (lag) {
                    lag.add(System.nanoTime() - acked);
                }
                return;
            }
            pause();
        }
        notSeen.incrementAndGet();
    }

    private void watchHotspots(String component, long acked, Latencies lag, AtomicLong notSeen) {
        while (System.nanoTime() - acked < TIMEOUT_NANOS) {
            ServiceClient.Answer hotspots = client.get("/api/hotspots?by=component&bucket=year");
            if (hotspots.status() == 200) {
                for (JsonNode series : hotspots.json().path("series")) {
                    if (series.path("key").asText().equals(component)) {
                        lag.add(System.nanoTime() - acked);
                        return;
                    }
                }
            }
            pause();
        }
        notSeen.incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
