package org.incidentlearning.bench;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^exponent: a few incidents, teams and
 * components get most of the traffic, as in real use, and a long tail gets a little. Sampling is a binary search over
 * the cumulative weights, so any seeded generator gives a repeatable sequence.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("A Zipf distribution needs at least one rank");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= sum;
        }
    }

    int sample(RandomGenerator random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
