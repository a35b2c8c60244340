package org.incidentlearning.query.hotspot;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBucketAndTrendTest {

    @Test
    void bucketsAreLabelledByYearMonthAndIsoWeekInUtc() {
        Instant instant = Instant.parse("2018-03-01T23:30:00-05:00");
        assertThat(TimeBucket.YEAR.labelOf(instant)).isEqualTo("2018");
        assertThat(TimeBucket.MONTH.labelOf(instant)).isEqualTo("2018-03");
        assertThat(TimeBucket.WEEK.labelOf(instant)).isEqualTo("2018-W09");
        assertThat(TimeBucket.WEEK.labelOf(Instant.parse("2021-01-02T00:00:00Z"))).isEqualTo("2020-W53");
    }

    @Test
    void theWindowEnumeratesEveryBucketBetweenTwoInstants() {
        assertThat(TimeBucket.MONTH.between(Instant.parse("2018-11-20T00:00:00Z"), Instant.parse("2019-02-01T00:00:00Z")))
                .containsExactly("2018-11", "2018-12", "2019-01", "2019-02");
        assertThat(TimeBucket.YEAR.between(Instant.parse("2011-06-04T00:00:00Z"), Instant.parse("2013-01-01T00:00:00Z")))
                .containsExactly("2011", "2012", "2013");
        assertThat(TimeBucket.WEEK.between(Instant.parse("2020-12-30T00:00:00Z"), Instant.parse("2021-01-12T00:00:00Z")))
                .containsExactly("2020-W53", "2021-W01", "2021-W02");
    }

    @Test
    void theTrendComparesTheLaterHalfOfTheWindowWithTheEarlierHalf() {
        assertThat(Trend.of(List.of(0L, 1L, 1L, 3L))).isEqualTo(Trend.RISING);
        assertThat(Trend.of(List.of(4L, 1L, 9L, 0L, 1L))).isEqualTo(Trend.FALLING);
        assertThat(Trend.of(List.of(2L, 2L, 3L, 2L))).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(List.of(0L, 1L))).as("one more is not yet smoke").isEqualTo(Trend.STEADY);
        assertThat(Trend.of(List.of(5L))).isEqualTo(Trend.STEADY);
        assertThat(Trend.of(List.of(4L, 0L, 6L))).as("+2 and 1.5x").isEqualTo(Trend.RISING);
        assertThat(Trend.of(List.of(4L, 0L, 5L))).as("+1 is not enough").isEqualTo(Trend.STEADY);
        assertThat(Trend.of(List.of(10L, 0L, 14L))).as("+4 but under 1.5x").isEqualTo(Trend.STEADY);
    }
}
