package org.incidentlearning.bench;

import java.time.Duration;
import java.util.List;

/** How long and how large each part of a run is: {@code --quick} (under two minutes) or the full run. */
record Settings(String mode, List<String> stores, int incidents, Duration warmUp, Duration level, List<Integer> levels,
                List<Integer> bareLevels, Duration lagLoad, int lagRate, int replayIncidents, int queryRequests,
                Duration limit, long seed) {

    static Settings quick() {
        return new Settings("quick", List.of("h2"), 200, Duration.ofSeconds(3), Duration.ofSeconds(3),
                List.of(1, 8, 32), List.of(32), Duration.ofSeconds(4), 1_000, 3_000, 40, Duration.ofSeconds(2),
                20261203L);
    }

    static Settings full() {
        return new Settings("full", List.of("h2", "postgres"), 1_000, Duration.ofSeconds(10),
                Duration.ofSeconds(30), List.of(1, 8, 32), List.of(1, 8, 32), Duration.ofSeconds(30), 1_000, 100_000,
                2_000, Duration.ofSeconds(10), 20261203L);
    }
}
