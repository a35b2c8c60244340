package org.incidentlearning.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how large each part of a run is: {@code --quick} (shorter loads, after the same warm-up of at least
 * 10 s as the full run) or the full run.
 */
record Settings(String mode, List<String> stores, int incidents, Duration warmUp, Duration level, List<Integer> levels,
                List<Integer> bareLevels, Duration lagLoad, int lagRate, int replayIncidents, int queryRequests,
                Duration limit, List<Integer> bigIncidentSizes, long seed) {

    /** The sizes of the one big incident at which its commands and its view are timed, in both modes. */
    private static final List<Integer> BIG_INCIDENT = List.of(100, 10_000);

    static Settings quick() {
        return new Settings("quick", List.of("h2"), 200, Duration.ofSeconds(10), Duration.ofSeconds(3),
                List.of(1, 8, 32), List.of(32), Duration.ofSeconds(4), 1_000, 3_000, 40, Duration.ofSeconds(2),
                BIG_INCIDENT, 20261203L);
    }

    static Settings full() {
        return new Settings("full", List.of("h2", "postgres"), 1_000, Duration.ofSeconds(10),
                Duration.ofSeconds(30), List.of(1, 8, 32), List.of(1, 8, 32), Duration.ofSeconds(30), 1_000, 100_000,
                2_000, Duration.ofSeconds(10), BIG_INCIDENT, 20261203L);
    }
}
