package org.incidentlearning.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesAreNearestRanksInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int millis = 100; millis >= 1; millis--) {
            latencies.add(millis * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(99.9)).isEqualTo(100.0);
        assertThat(latencies.count()).isEqualTo(100);
    }

    @Test
    void mergedLatenciesCountBothSides() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        first.add(1_000_000);
        second.add(3_000_000);
        second.add(2_000_000);
        first.addAll(second);
        assertThat(first.count()).isEqualTo(3);
        assertThat(first.percentileMillis(100)).isEqualTo(3.0);
        assertThat(new Latencies().percentileMillis(99)).isNaN();
    }
}
