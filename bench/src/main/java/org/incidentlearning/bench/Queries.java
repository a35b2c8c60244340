package org.incidentlearning.bench;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Latencies of the three reads dashboards and teams use most, one client at a time, on the generated store. */
final class Queries {

    private final ServiceClient client;
    private final Settings settings;
    private final int incidents;

    Queries(ServiceClient client, Settings settings, int incidents) {
        this.client = client;
        this.settings = settings;
        this.incidents = incidents;
    }

    Map<String, Latencies> run() {
        Zipf incidentChoice = new Zipf(incidents, 1.1);
        Map<String, Function<SplittableRandom, String>> reads = new LinkedHashMap<>();
        reads.put("incidentView", random -> "/api/incidents/"
                                            + GeneratedStore.incidentId(incidentChoice.sample(random)));
        reads.put("teamContext", random -> "/api/teams/" + CommandMix.TEAMS.get(CommandMix.TEAM_SKEW.sample(random))
                                           + "/context");
        reads.put("hotspots", random -> "/api/hotspots?by=" + (random.nextBoolean() ? "component" : "team")
                                        + "&bucket=" + (random.nextBoolean() ? "month" : "week"));
        Map<String, Latencies> figures = new LinkedHashMap<>();
        reads.forEach((name, path) -> figures.put(name, measure(name, path)));
        return figures;
    }

    private Latencies measure(String name, Function<SplittableRandom, String> path) {
        SplittableRandom random = new SplittableRandom(settings.seed() + name.hashCode());
        int warmUp = Math.max(20, settings.queryRequests() / 10);
        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Latencies latencies = new Latencies();
        for (int i = 0; i < warmUp && System.nanoTime() < warmUpEnd; i++) {
            long start = System.nanoTime();
            if (!read(path.apply(random))) {
                return timedOut(name, latencies, System.nanoTime() - start);
            }
        }
        // At most a minute per read: a read that takes seconds still gets a fair sample without holding the run up.
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int i = 0; i < settings.queryRequests() && System.nanoTime() < deadline; i++) {
            String target = path.apply(random);
            long start = System.nanoTime();
            if (!read(target)) {
                return timedOut(name, latencies, System.nanoTime() - start);
            }
            latencies.add(System.nanoTime() - start);
        }
        Report.say("%s: p50 %.2f ms, p99 %.2f ms over %d reads", name, latencies.percentileMillis(50),
                latencies.percentileMillis(99), latencies.count());
        return latencies;
    }

    /**
     * A read the client gave up on counts once, at the time waited (a lower bound of its latency), and ends this read's
     * measurement: the others and the limits still get measured.
     */
    private static Latencies timedOut(String name, Latencies latencies, long waitedNanos) {
        latencies.add(waitedNanos);
        Report.say("%s: a read timed out after %.0f s; p99 %.2f ms is a lower bound over %d reads", name,
                waitedNanos / 1e9, latencies.percentileMillis(99), latencies.count());
        return latencies;
    }

    /** @return false when the read timed out */
    private boolean read(String path) {
        ServiceClient.Answer answer;
        try {
            answer = client.get(path);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                return false;
            }
            throw e;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return true;
    }
}
