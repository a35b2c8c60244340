package org.incidentlearning.query.hotspot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The time buckets incidents are counted in, by when they started (UTC): 2018, 2018-03 or ISO week 2018-W09. */
public enum TimeBucket {
    WEEK, MONTH, YEAR;

    public String labelOf(Instant instant) {
        return labelOf(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    String labelOf(LocalDate date) {
        return switch (this) {
            case YEAR -> Integer.toString(date.getYear());
            case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
            case WEEK -> String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        };
    }

    /** Every bucket from the one holding {@code from} to the one holding {@code to}, both included, in order. */
    public List<String> between(Instant from, Instant to) {
        LocalDate cursor = start(from.atZone(ZoneOffset.UTC).toLocalDate());
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        List<String> labels = new ArrayList<>();
        while (!cursor.isAfter(last)) {
            labels.add(labelOf(cursor));
            cursor = switch (this) {
                case YEAR -> cursor.plusYears(1);
                case MONTH -> cursor.plusMonths(1);
                case WEEK -> cursor.plusWeeks(1);
            };
        }
        return labels;
    }

    /** Whether a bucket of this kind begins exactly at {@code instant}. */
    public boolean startsAt(Instant instant) {
        LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return start(date).atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant);
    }

    private LocalDate start(LocalDate date) {
        return switch (this) {
            case YEAR -> date.withDayOfYear(1);
            case MONTH -> date.withDayOfMonth(1);
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    /** The column of incident_view holding this bucket's label. */
    String column() {
        return "bucket_" + name().toLowerCase();
    }
}
