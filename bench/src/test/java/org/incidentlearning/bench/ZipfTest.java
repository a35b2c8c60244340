package org.incidentlearning.bench;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ZipfTest {

    @Test
    void theFirstRanksGetMostDrawsAndEveryRankCanBeDrawn() {
        Zipf zipf = new Zipf(100, 1.1);
        int[] draws = new int[100];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            draws[zipf.sample(random)]++;
        }
        // Rank 1 against rank 10: (10/1)^1.1 = 12.6 times as likely.
        assertThat((double) draws[0] / draws[9]).isBetween(11.0, 14.5);
        assertThat(draws[0]).isGreaterThan(draws[1]);
        assertThat(draws[99]).isPositive();
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        Zipf zipf = new Zipf(1_000, 1.0);
        SplittableRandom first = new SplittableRandom(42);
        SplittableRandom second = new SplittableRandom(42);
        for (int i = 0; i < 1_000; i++) {
            assertThat(zipf.sample(first)).isEqualTo(zipf.sample(second));
        }
    }
}
