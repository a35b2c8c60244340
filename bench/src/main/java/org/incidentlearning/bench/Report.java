package org.incidentlearning.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the run says as it goes, and how figures are rounded in the results. */
final class Report {

    private Report() {
    }

    static void say(String format, Object... arguments) {
        System.out.printf(Locale.ROOT, "  " + format + "%n", arguments);
    }

    static ClosedLoad.Result progress(ClosedLoad.Result result) {
        say("%s, concurrency %d: %,.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, answers %s", result.name(),
                result.concurrency(), result.perSecond(), result.latencies().percentileMillis(50),
                result.latencies().percentileMillis(99), result.latencies().percentileMillis(99.9),
                result.statuses());
        return result;
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    /** The human table: one row per figure, the goal beside it where the issue sets one. */
    static String table(Map<String, Object> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-10s %-44s %14s %12s%n", "store", "figure", "value", "goal"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> stores = (Map<String, Map<String, Object>>) results.get("stores");
        stores.forEach((store, figures) -> {
            for (List<Object> row : rows(figures)) {
                table.append(String.format(Locale.ROOT, "%-10s %-44s %14s %12s%n", store, row.get(0),
                        format(row.get(1)), row.get(2)));
            }
        });
        return table.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Map<String, Object> figures) {
        Map<String, Object> ingest = (Map<String, Object>) figures.get("ingest");
        Map<String, Object> lag = (Map<String, Object>) figures.get("lag");
        Map<String, Object> replay = (Map<String, Object>) figures.get("replay");
        Map<String, Object> queries = (Map<String, Object>) figures.get("queries");
        Map<String, Object> limits = (Map<String, Object>) figures.get("limits");
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> level : (List<Map<String, Object>>) ingest.get("levels")) {
            rows.add(List.of("ingest c=" + level.get("concurrency") + " commands/s", level.get("commandsPerSecond"),
                    level.get("concurrency").equals(32) ? ">= 5000" : ""));
            rows.add(List.of("ingest c=" + level.get("concurrency") + " p50 / p99 / p99.9 ms",
                    level.get("p50Ms") + " / " + level.get("p99Ms") + " / " + level.get("p999Ms"), ""));
        }
        Map<String, Object> hot = (Map<String, Object>) ingest.get("hotIncident");
        rows.add(List.of("hot incident c=8 commands/s (p99 ms)", hot.get("commandsPerSecond") + " (" + hot.get("p99Ms")
                                                                  + ")", ""));
        rows.add(List.of("bare endpoint c=32 requests/s", limits.get("bareEndpointPerSecond"), ""));
        rows.add(List.of("ingest ratio to bare endpoint", ingest.get("ratioToBareEndpoint"), ">= 0.5"));
        rows.add(List.of("lag at " + lag.get("sentPerSecond") + " commands/s: view p50 / p99 ms",
                lag.get("incidentViewP50Ms") + " / " + lag.get("incidentViewP99Ms"), "p99 <= 100"));
        rows.add(List.of("lag: hot spots p50 / p99 ms", lag.get("hotspotsP50Ms") + " / " + lag.get("hotspotsP99Ms"),
                "p99 <= 100"));
        rows.add(List.of("projection batches aborted (ingest, lag, big incident)", lag.get("abortedBatches"), "0"));
        Map<String, Object> big = (Map<String, Object>) figures.get("bigIncident");
        big.forEach((key, value) -> {
            if (value instanceof Map<?, ?> at) {
                rows.add(List.of("big incident " + key + ": command / visible p50 ms", at.get("commandP50Ms") + " / "
                                                                                     + at.get("visibleP50Ms"), ""));
            }
        });
        rows.add(List.of("big incident: visible at the largest / at the smallest", big.get("catchUpRatio"),
                "<= 1.5"));
        Map<String, Object> size = (Map<String, Object>) figures.get("storeSize");
        if (size != null) {
            size.forEach((key, value) -> rows.add(List.of("H2 file / compacted, " + key,
                    ((Map<String, Object>) value).get("ratioToCompacted"), "<= 3")));
        }
        rows.add(List.of("replay events/s (" + replay.get("events") + " events)", replay.get("eventsPerSecond"),
                ">= 100000"));
        rows.add(List.of("replay ratio to raw read", replay.get("ratioToRawRead"), "or >= 0.5"));
        rows.add(List.of("queries p99 ms (" + queries.get("incidents") + " incidents)", queries.get("p99Ms"),
                "<= 10"));
        for (String read : List.of("incidentView", "teamContext", "hotspots")) {
            Map<String, Object> one = (Map<String, Object>) queries.get(read);
            rows.add(List.of("  " + read + " p50 / p99 ms", one.get("p50Ms") + " / " + one.get("p99Ms"), ""));
        }
        rows.add(List.of("raw insert rows/s, 1 per transaction", limits.get("rawInsertPerTransactionPerSecond"), ""));
        rows.add(List.of("raw insert rows/s, 1000 per transaction", limits.get("rawInsertBatchedPerSecond"), ""));
        rows.add(List.of("raw read + deserialise events/s", limits.get("rawReadEventsPerSecond"), ""));
        return rows;
    }

    private static String format(Object value) {
        if (value instanceof Double number) {
            return number >= 100 ? String.format(Locale.ROOT, "%,.0f", number)
                    : String.format(Locale.ROOT, "%.2f", number);
        }
        return String.valueOf(value);
    }
}
