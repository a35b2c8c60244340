package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.incidentlearning.bench.bare.BareEndpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: for each store, the packaged service runs in a process of its own on loopback and this process
 * drives it over HTTP, as clients do. Ingest and projection lag run on an empty dataset; replay and queries on a
 * generated one that is kept between runs; the store's own limits are measured with its driver alone. The results go
 * to {@code bench/results/latest.json}, a table on standard output, and a plot of latency against throughput.
 * <p>
 * Run it with {@code ./bench/run} (full) or {@code ./bench/run --quick}; {@code --store=h2|postgres} picks one store.
 */
public final class Benchmark {

    private static final int GENERATOR_VERSION = 1;
    /** The share of the ingest's rate at concurrency 32 that the lag is measured at. */
    private static final double LAG_SHARE = 0.5;

    private final Settings settings;
    private final Path repository;
    private ServiceJars jars;
    private final Path data;
    private final Path results;

    private Benchmark(Settings settings, Path repository) {
        this.settings = settings;
        this.repository = repository;
        this.data = repository.resolve("bench/data");
        this.results = repository.resolve("bench/results");
    }

    public static void main(String[] arguments) throws Exception {
        Settings settings = Settings.full();
        Path repository = Path.of("").toAbsolutePath();
        boolean serve = false;
        for (String argument : arguments) {
            if (argument.equals("--serve")) {
                serve = true;
            } else if (argument.equals("--quick")) {
                settings = Settings.quick();
            } else if (argument.startsWith("--store=")) {
                settings = withStores(settings, List.of(argument.substring("--store=".length()).split(",")));
            } else if (argument.startsWith("--repository=")) {
                repository = Path.of(argument.substring("--repository=".length())).toAbsolutePath();
            } else {
                System.err.println("usage: bench/run [--quick] [--store=h2|postgres|h2,postgres] | bench/run --serve "
                                   + "[--store=h2|postgres]");
                System.exit(2);
            }
        }
        Benchmark benchmark = new Benchmark(settings, repository);
        if (serve) {
            benchmark.serve();
        } else {
            benchmark.run();
        }
    }

    /**
     * The service as the benchmark runs it (the bare endpoint, the bench key, no rate limit a load reaches), on an
     * empty store, until this process is stopped: for outside load tools such as wrk.
     */
    private void serve() throws Exception {
        jars = ServiceJars.copiedFrom(repository);
        String name = settings.stores().get(0);
        Path log = results.resolve("logs").resolve(name + "-serve.log");
        StoreUnderTest store = open(name);
        ServiceUnderTest service = ServiceUnderTest.start(jars, store.serviceArguments("serve", true), log);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
                store.close();
            } catch (Exception stopping) {
                System.err.println("Stopping the service: " + stopping);
            }
        }));
        System.out.printf("The service runs on %s (%s store), as the benchmark runs it.%n"
                          + "  key:           Authorization: Bearer %s%n"
                          + "  bare endpoint: POST %s%s%n"
                          + "  log:           %s%n"
                          + "Ctrl-C stops it.%n", service.base(), name, ServiceUnderTest.KEY, service.base(),
                BareEndpoint.PATH, log);
        service.awaitExit();
        System.err.println("The service stopped by itself; see " + log);
        System.exit(1);
    }

    private static Settings withStores(Settings settings, List<String> stores) {
        return new Settings(settings.mode(), stores, settings.incidents(), settings.warmUp(), settings.level(),
                settings.levels(), settings.bareLevels(), settings.lagLoad(), settings.lagRate(),
                settings.replayIncidents(), settings.queryRequests(), settings.limit(), settings.bigIncidentSizes(),
                settings.seed());
    }

    private void run() throws Exception {
        jars = ServiceJars.copiedFrom(repository);
        long started = System.nanoTime();
        Map<String, Object> stores = new LinkedHashMap<>();
        for (String name : settings.stores()) {
            System.out.printf("%n== %s, %s run%n", name, settings.mode());
            try (StoreUnderTest store = open(name)) {
                stores.put(name, measure(store));
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("mode", settings.mode());
        all.put("command", "./bench/run" + (settings.mode().equals("quick") ? " --quick" : ""));
        all.put("finishedAt", Instant.now().toString());
        all.put("seconds", Report.round((System.nanoTime() - started) / 1e9));
        Map<String, Object> first = castMap(stores.values().iterator().next());
        all.putAll(first);
        all.put("stores", stores);
        Files.createDirectories(results);
        String json = ServiceClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
        Files.writeString(results.resolve("latest.json"), json + "\n");
        Files.writeString(results.resolve("history.ndjson"), ServiceClient.JSON.writeValueAsString(all) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.writeString(results.resolve("latest.svg"), Plot.latencyAgainstThroughput(stores),
                StandardCharsets.UTF_8);
        System.out.printf("%n%s%nResults: %s (plot: %s), %.0f s in all%n", Report.table(all),
                results.resolve("latest.json"), results.resolve("latest.svg"), (System.nanoTime() - started) / 1e9);
    }

    private StoreUnderTest open(String name) throws Exception {
        return switch (name) {
            case "h2" -> new StoreUnderTest.H2(data.resolve("h2"));
            case "postgres" -> new StoreUnderTest.Postgres(data.resolve("postgres"));
            default -> throw new IllegalArgumentException("Unknown store " + name + ": h2 or postgres");
        };
    }

    private Map<String, Object> measure(StoreUnderTest store) throws Exception {
        Path logs = results.resolve("logs");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("machine", machine(store));

        System.out.println("-- ingest and projection lag, on an empty store");
        Ingest.Figures ingest;
        ProjectionLag.Figures lag;
        BigIncident.Figures big;
        double backlogSeconds;
        try (ServiceUnderTest service = ServiceUnderTest.start(jars, store.serviceArguments("ingest", true),
                logs.resolve(store.name() + "-ingest.log"))) {
            Ingest load = new Ingest(service.client(), settings);
            ingest = load.run();
            double best = ingest.levels().get(ingest.levels().size() - 1).perSecond();
            int rate = (int) Math.max(10, Math.min(settings.lagRate(), best * LAG_SHARE));
            Report.say("lag: a steady %d commands/s (the goal's 1,000, or half the rate at concurrency %d)", rate,
                    ingest.levels().get(ingest.levels().size() - 1).concurrency());
            // The lag is measured from a caught-up start; the backlog the ingest left is a figure of its own.
            long backlog = System.nanoTime();
            Replay.awaitCaughtUp(service.client(), Duration.ofMinutes(30));
            backlogSeconds = (System.nanoTime() - backlog) / 1e9;
            Report.say("the views caught up with the ingest's backlog %.1f s after its last command", backlogSeconds);
            lag = new ProjectionLag(service.client(), settings, ingest.incidents()).run(rate);
            Report.say("lag: sent %.0f/s; incident view p50 %.1f ms, p99 %.1f ms (%d followed); hot spots p50 %.1f "
                       + "ms, p99 %.1f ms (%d followed); not seen within 10 s: %d", lag.sentPerSecond(),
                    lag.incidentView().percentileMillis(50), lag.incidentView().percentileMillis(99),
                    lag.incidentView().count(), lag.hotspots().percentileMillis(50),
                    lag.hotspots().percentileMillis(99), lag.hotspots().count(), lag.notSeen());
            System.out.println("-- one big incident");
            big = new BigIncident(service.client()).run(settings.bigIncidentSizes());
        }
        figures.put("ingest", ingestFigures(ingest));
        figures.put("bigIncident", BigIncident.figures(big));
        Map<String, Object> size = new LinkedHashMap<>();
        if (store instanceof StoreUnderTest.H2 h2) {
            StoreUnderTest.H2.FileSizes sizes = h2.compact("ingest");
            Report.say("H2 file after the ingest, the lag and the big incident: %,d bytes, %.1f times the %,d bytes "
                       + "SHUTDOWN COMPACT leaves", sizes.bytes(), sizes.ratio(), sizes.compactedBytes());
            size.put("afterIngest", fileFigures(sizes));
        }
        figures.put("lag", lagFigures(lag));
        castMap(figures.get("lag")).put("backlogAfterIngestSeconds", Report.round(backlogSeconds));
        castMap(figures.get("lag")).put("abortedBatches", abortedBatches(logs.resolve(store.name() + "-ingest.log")));

        GeneratedStore generated = new GeneratedStore(settings.replayIncidents(), settings.seed());
        String dataset = "replay_" + settings.replayIncidents();
        Path marker = data.resolve("markers").resolve(store.name() + "-" + dataset + ".done");
        String expected = "generator " + GENERATOR_VERSION + ", " + generated.events() + " events";
        boolean fresh = !Files.exists(marker) || !Files.readString(marker).equals(expected)
                        || !store.exists(dataset);
        System.out.printf("-- replay and queries, on a generated store of %,d incidents and %,d events (%s)%n",
                settings.replayIncidents(), generated.events(), fresh ? "generated now, kept for later runs"
                        : "kept from an earlier run");
        Replay.Figures replay;
        Map<String, Latencies> queries;
        try (ServiceUnderTest service = ServiceUnderTest.start(jars, store.serviceArguments(dataset, fresh),
                logs.resolve(store.name() + "-replay.log"))) {
            double initialBuild = Double.NaN;
            if (fresh) {
                initialBuild = Replay.importGenerated(service.client(), generated);
                Files.createDirectories(marker.getParent());
                Files.writeString(marker, expected);
            }
            if (settings.mode().equals("quick")) {
                // Quick figures are taken after a warm-up of the same load: a 30,000-event replay is over before
                // the JIT has compiled the rebuild, where a full run's million events are not.
                Replay.Figures warmUp = Replay.replayAll(service.client(), generated.events(), initialBuild);
                Report.say("replay warm-up: %,d events in %.1f s", warmUp.events(), warmUp.seconds());
            }
            replay = Replay.replayAll(service.client(), generated.events(), initialBuild);
            Report.say("replay: %,d events in %.1f s, %,.0f events/s", replay.events(), replay.seconds(),
                    replay.eventsPerSecond());
            queries = new Queries(service.client(), settings, settings.replayIncidents()).run();
        }
        if (store instanceof StoreUnderTest.H2 h2) {
            StoreUnderTest.H2.FileSizes sizes = h2.compact(dataset);
            Report.say("H2 file after the replay: %,d bytes, %.1f times the %,d bytes SHUTDOWN COMPACT leaves",
                    sizes.bytes(), sizes.ratio(), sizes.compactedBytes());
            size.put("afterReplay", fileFigures(sizes));
            figures.put("storeSize", size);
        }

        System.out.println("-- the store's own limits");
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            for (String line : generated.incident(i)) {
                payloads.add(ServiceClient.JSON.writeValueAsBytes(ServiceClient.JSON.readTree(line).path("payload")));
            }
        }
        StoreLimits.Figures limits = StoreLimits.measure(store, "limits", dataset, payloads, settings.limit());
        figures.put("replay", replayFigures(replay, limits));
        figures.put("queries", queryFigures(queries, settings.replayIncidents()));
        double bare = ingest.bare().get(ingest.bare().size() - 1).perSecond();
        Map<String, Object> limitFigures = new LinkedHashMap<>();
        limitFigures.put("bareEndpointPerSecond", Report.round(bare));
        limitFigures.put("bareEndpoint", ingest.bare().stream().map(Ingest::figures).toList());
        limitFigures.put("rawInsertPerTransactionPerSecond", Report.round(limits.insertsPerSecondPerTransaction()));
        limitFigures.put("rawInsertBatchedPerSecond", Report.round(limits.insertsPerSecondBatched()));
        limitFigures.put("rawReadEventsPerSecond", Report.round(limits.readEventsPerSecond()));
        figures.put("limits", limitFigures);
        castMap(figures.get("ingest")).put("ratioToBareEndpoint",
                Report.round(ingest.levels().get(ingest.levels().size() - 1).perSecond() / bare));
        castMap(figures.get("ingest")).put("ratioToRawInsertPerTransaction",
                Report.round(ingest.levels().get(ingest.levels().size() - 1).perSecond()
                             / limits.insertsPerSecondPerTransaction()));
        return figures;
    }

    private Map<String, Object> machine(StoreUnderTest store) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                          + System.getProperty("os.arch"));
        machine.put("store", store.describe());
        return machine;
    }

    private static Map<String, Object> ingestFigures(Ingest.Figures ingest) {
        Map<String, Object> figures = new LinkedHashMap<>();
        ClosedLoad.Result top = ingest.levels().get(ingest.levels().size() - 1);
        figures.put("commandsPerSecond", Report.round(top.perSecond()));
        figures.put("p99Ms", Report.round(top.latencies().percentileMillis(99)));
        figures.put("concurrency", top.concurrency());
        figures.put("incidents", ingest.incidents().size());
        figures.put("levels", ingest.levels().stream().map(Ingest::figures).toList());
        figures.put("hotIncident", Ingest.figures(ingest.hotIncident()));
        return figures;
    }

    /**
     * How often a projection's batch failed and was given up during the ingest, the lag and the big incident: each
     * one stops the segment until it is claimed again, a lag of seconds. The log is appended to by every run.
     */
    private static long abortedBatches(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int started = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Starting IncidentLearningApplication")) {
                started = i;
            }
        }
        return lines.subList(started, lines.size()).stream().filter(line -> line.contains("Aborting Work Package"))
                .count();
    }

    private static Map<String, Object> lagFigures(ProjectionLag.Figures lag) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50Ms", Report.round(Math.max(lag.incidentView().percentileMillis(50),
                lag.hotspots().percentileMillis(50))));
        figures.put("p99Ms", Report.round(Math.max(lag.incidentView().percentileMillis(99),
                lag.hotspots().percentileMillis(99))));
        figures.put("targetPerSecond", lag.targetRate());
        figures.put("sentPerSecond", Report.round(lag.sentPerSecond()));
        figures.put("acknowledged", lag.acknowledged());
        figures.put("incidentViewP50Ms", Report.round(lag.incidentView().percentileMillis(50)));
        figures.put("incidentViewP99Ms", Report.round(lag.incidentView().percentileMillis(99)));
        figures.put("incidentViewFollowed", lag.incidentView().count());
        figures.put("hotspotsP50Ms", Report.round(lag.hotspots().percentileMillis(50)));
        figures.put("hotspotsP99Ms", Report.round(lag.hotspots().percentileMillis(99)));
        figures.put("hotspotsFollowed", lag.hotspots().count());
        figures.put("notSeenWithin10s", lag.notSeen());
        return figures;
    }

    private static Map<String, Object> fileFigures(StoreUnderTest.H2.FileSizes sizes) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ratioToCompacted", Report.round(sizes.ratio()));
        figures.put("bytes", sizes.bytes());
        figures.put("compactedBytes", sizes.compactedBytes());
        return figures;
    }

    private static Map<String, Object> replayFigures(Replay.Figures replay, StoreLimits.Figures limits) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventsPerSecond", Report.round(replay.eventsPerSecond()));
        figures.put("ratioToRawRead", Report.round(replay.eventsPerSecond() / limits.readEventsPerSecond()));
        figures.put("events", replay.events());
        figures.put("seconds", Report.round(replay.seconds()));
        figures.put("initialBuildSeconds", Report.round(replay.initialBuildSeconds()));
        return figures;
    }

    private static Map<String, Object> queryFigures(Map<String, Latencies> queries, int incidents) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p99Ms", Report.round(queries.values().stream().mapToDouble(l -> l.percentileMillis(99)).max()
                .orElse(Double.NaN)));
        figures.put("incidents", incidents);
        queries.forEach((name, latencies) -> figures.put(name, Map.of(
                "p50Ms", Report.round(latencies.percentileMillis(50)),
                "p99Ms", Report.round(latencies.percentileMillis(99)),
                "reads", latencies.count())));
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
