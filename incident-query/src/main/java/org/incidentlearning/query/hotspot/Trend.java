package org.incidentlearning.query.hotspot;

import java.util.List;

/**
 * Whether a key's smoke is rising: the window's buckets (zero-filled) are split in an earlier and a later half (an
 * odd middle bucket is left out). RISING when the later half has at least 2 incidents more and at least 1.5 times as
 * many as the earlier half; FALLING the other way round; otherwise STEADY. Fewer than two buckets are STEADY.
 */
public enum Trend {
    RISING, STEADY, FALLING;

    public static final String RULE = "Buckets of the window, zero-filled, split into an earlier and a later half "
            + "(an odd middle bucket is left out): RISING if the later half has >= 2 more incidents and >= 1.5x the "
            + "earlier half; FALLING if the earlier half has >= 2 more and >= 1.5x the later half; else STEADY.";

    public static Trend of(List<Long> countsInOrder) {
        int half = countsInOrder.size() / 2;
        if (half == 0) {
            return STEADY;
        }
        long earlier = countsInOrder.subList(0, half).stream().mapToLong(Long::longValue).sum();
        long later = countsInOrder.subList(countsInOrder.size() - half, countsInOrder.size()).stream()
                .mapToLong(Long::longValue).sum();
        if (later - earlier >= 2 && later >= 1.5 * earlier) {
            return RISING;
        }
        if (earlier - later >= 2 && earlier >= 1.5 * later) {
            return FALLING;
        }
        return STEADY;
    }
}
