package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.incidentlearning.bench.bare.BareEndpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Commands per second and their latencies at each concurrency, on the realistic mix over many incidents and on one
 * hot incident; and the same stack's bare endpoint, the rate no command can beat.
 */
final class Ingest {

    record Figures(List<ClosedLoad.Result> levels, ClosedLoad.Result hotIncident, List<ClosedLoad.Result> bare,
                   List<String> incidents) {
    }

    private final ServiceClient client;
    private final Settings settings;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    Ingest(ServiceClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Declares the incidents the mix writes to; their ids, in the order of the skew's ranks. */
    List<String> declareIncidents(int count) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CommandMix.Command declare = CommandMix.declaration(random, i);
            ServiceClient.Answer answer = client.post(declare.path(), declare.body(), run + "-declare-" + i);
            ids.add(expectCreated(answer).path("id").asText());
        }
        return ids;
    }

    Figures run() throws InterruptedException {
        List<String> incidents = declareIncidents(settings.incidents());
        CommandMix mix = new CommandMix(incidents, 1.1);
        ClosedLoad.run("warm-up", 8, settings.warmUp(), settings.seed(), mixed(mix, "warm"));
        List<ClosedLoad.Result> levels = new ArrayList<>();
        for (int concurrency : settings.levels()) {
            levels.add(Report.progress(ClosedLoad.run("ingest", concurrency, settings.level(),
                    settings.seed() + concurrency, mixed(mix, "c" + concurrency))));
        }
        String hot = declareIncidents(1).get(0);
        CommandMix hotMix = new CommandMix(List.of(hot), 1.0);
        ClosedLoad.Result hotIncident = Report.progress(ClosedLoad.run("hot incident", 8, settings.level(),
                settings.seed() + 99, (random, n) -> {
                    CommandMix.Command command = hotMix.on(hot, random, n);
                    return send(hotMix, command, "hot-" + n);
                }));
        ClosedLoad.Client bareClient = (random, n) -> {
            CommandMix.Command command = mix.next(random, n);
            return client.post(BareEndpoint.PATH, command.body(), run + "-bare-" + n).status();
        };
        // The bare endpoint's code is warmed up as the commands' was, so both are measured at their best.
        ClosedLoad.run("bare warm-up", settings.bareLevels().get(settings.bareLevels().size() - 1),
                settings.warmUp(), settings.seed() - 1, (random, n) -> bareClient.send(random, n + (1L << 40)));
        List<ClosedLoad.Result> bare = new ArrayList<>();
        for (int concurrency : settings.bareLevels()) {
            bare.add(Report.progress(ClosedLoad.run("bare endpoint", concurrency, settings.level(),
                    settings.seed() + concurrency, bareClient)));
        }
        return new Figures(levels, hotIncident, bare, incidents);
    }

    private ClosedLoad.Client mixed(CommandMix mix, String phase) {
        return (random, n) -> send(mix, mix.next(random, n), phase + "-" + n);
    }

    private int send(CommandMix mix, CommandMix.Command command, String key) {
        ServiceClient.Answer answer = client.post(command.path(), command.body(), run + "-" + key);
        if (answer.status() == 201) {
            mix.answered(command, answer.json().path("id").asText());
        }
        return answer.status();
    }

    static JsonNode expectCreated(ServiceClient.Answer answer) {
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("Expected 201, got " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    static Map<String, Object> figures(ClosedLoad.Result result) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("concurrency", result.concurrency());
        figures.put("commandsPerSecond", Report.round(result.perSecond()));
        figures.put("p50Ms", Report.round(result.latencies().percentileMillis(50)));
        figures.put("p99Ms", Report.round(result.latencies().percentileMillis(99)));
        figures.put("p999Ms", Report.round(result.latencies().percentileMillis(99.9)));
        figures.put("answered", result.answered());
        figures.put("statuses", result.statuses());
        return figures;
    }
}
