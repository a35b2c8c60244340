package org.incidentlearning.bench;

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
        for (int i = 0; i < warmUp && System.nanoTime() < warmUpEnd; i++) {
            read(path.apply(random));
        }
        Latencies latencies = new Latencies();
        // At most a minute per read: a read that takes seconds still gets a fair sample without holding the run up.
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int i = 0; i < settings.queryRequests() && System.nanoTime() < deadline; i++) {
            String target = path.apply(random);
            long start = System.nanoTime();
            read(target);
            latencies.add(System.nanoTime() - start);
        }
        Report.say("%s: p50 %.2f ms, p99 %.2f ms over %d reads", name, latencies.percentileMillis(50),
                latencies.percentileMillis(99), latencies.count());
        return latencies;
    }

    private void read(String path) {
        ServiceClient.Answer answer = client.get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
