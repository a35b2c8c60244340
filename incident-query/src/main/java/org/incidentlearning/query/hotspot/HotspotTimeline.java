package org.incidentlearning.query.hotspot;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.Uncapped;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where is the smoke: incidents per component or team and time bucket, by when they started, with a severity-weighted
 * score, the recurrences of declined remediations among them, and a trend. Read from the buckets the incident views
 * keep ({@link HotspotCounts}), or from the incidents' rows for a range that cuts buckets.
 */
@Repository
public class HotspotTimeline {

    public enum Dimension { COMPONENT, TEAM }

    /** The bucket labels' and lists' limits follow from the buckets themselves (QueryDocumentation). */
    public record Point(String bucket, @Schema(minimum = "1") long incidents, @Schema(minimum = "0") long score,
                        @Schema(minimum = "0") long recurrences) {
    }

    public record Series(@Schema(maxLength = FieldLimits.NAME, description = "The component or team") String key,
                         @Schema(minimum = "1") long incidents, @Schema(minimum = "0") long score,
                         @Schema(minimum = "0") long recurrences, Trend trend, List<Point> points) {
    }

    public record Hotspots(@Schema(allowableValues = {"component", "team"}) String by,
                           @Schema(allowableValues = {"week", "month", "year"}) String bucket,
                           @Nullable Instant from, @Nullable Instant to, List<String> window,
                           @Schema(allowableValues = Trend.RULE) String trendRule,
                           @Uncapped("one per component or team with incidents") List<Series> series) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public HotspotTimeline(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * From the kept buckets when the asked range starts and ends on bucket boundaries (or is not limited): a range
     * scan. Otherwise counted from the incidents themselves, since a bucket cut by the range counts only part of them.
     */
    public Hotspots hotspots(Dimension by, TimeBucket bucket, Instant from, Instant to) {
        if ((from == null || bucket.startsAt(from)) && (to == null || bucket.startsAt(to))) {
            return fromBuckets(by, bucket, from, to);
        }
        return fromIncidents(by, bucket, from, to);
    }

    private Hotspots fromBuckets(Dimension by, TimeBucket bucket, Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource("dimension", by.name())
                .addValue("kind", bucket.name());
        String range = "";
        if (from != null) {
            range += " AND bucket >= :first";
            params.addValue("first", bucket.labelOf(from));
        }
        if (to != null) {
            range += " AND bucket <= :last";
            params.addValue("last", bucket.labelOf(to.minusNanos(1)));
        }
        Map<String, List<Point>> pointsByKey = new LinkedHashMap<>();
        jdbc.query("SELECT hotspot_key, bucket, incidents, score, recurrences FROM hotspot_bucket "
                   + "WHERE dimension = :dimension AND bucket_kind = :kind AND incidents > 0" + range
                   + " ORDER BY hotspot_key, bucket", params, rs -> {
                    pointsByKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Point(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return answer(by, bucket, from, to, pointsByKey, startedRange(from, to));
    }

    private Hotspots fromIncidents(Dimension by, TimeBucket bucket, Instant from, Instant to) {
        String keys = by == Dimension.COMPONENT
                ? "incident_view_component k ON k.incident_id = v.incident_id"
                : "incident_view_team k ON k.incident_id = v.incident_id";
        String key = by == Dimension.COMPONENT ? "k.component" : "k.team";
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("v.started_at >= :from");
            params.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("v.started_at < :to");
            params.addValue("to", Timestamp.from(to));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Map<String, List<Point>> pointsByKey = new LinkedHashMap<>();
        jdbc.query("SELECT " + key + ", v." + bucket.column() + ", COUNT(*), SUM(v.severity_weight), "
                   + "SUM(v.recurrence) FROM incident_view v JOIN " + keys + where
                   + " GROUP BY " + key + ", v." + bucket.column() + " ORDER BY " + key + ", v." + bucket.column(),
                params, rs -> {
                    pointsByKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Point(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return answer(by, bucket, from, to, pointsByKey, jdbc.queryForMap("SELECT MIN(v.started_at) AS first_start, "
                + "MAX(v.started_at) AS last_start FROM incident_view v" + where, params));
    }

    /** When the first and the last incident in the asked range started: two ends of an index. */
    private Map<String, Object> startedRange(Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("started_at >= :from");
            params.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("started_at < :to");
            params.addValue("to", Timestamp.from(to));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbc.queryForMap("SELECT (SELECT MIN(started_at) FROM incident_view" + where + ") AS first_start, "
                                + "(SELECT MAX(started_at) FROM incident_view" + where + ") AS last_start", params);
    }

    private static Hotspots answer(Dimension by, TimeBucket bucket, Instant from, Instant to,
                                   Map<String, List<Point>> pointsByKey, Map<String, Object> started) {
        List<String> window = window(bucket, from, to, started);
        List<Series> series = new ArrayList<>();
        pointsByKey.forEach((k, points) -> series.add(series(k, points, window)));
        series.sort(Comparator.comparingLong(Series::incidents).reversed().thenComparing(Series::key));
        return new Hotspots(by.name().toLowerCase(), bucket.name().toLowerCase(), from, to, window, Trend.RULE,
                series);
    }

    /** The buckets the trend is judged over: the asked range, or from the first to the last incident started. */
    private static List<String> window(TimeBucket bucket, Instant from, Instant to, Map<String, Object> started) {
        Instant first = from != null ? from : instant(started.get("first_start"));
        Instant last = to != null ? to.minusNanos(1) : instant(started.get("last_start"));
        if (first == null || last == null || last.isBefore(first)) {
            return List.of();
        }
        return bucket.between(first, last);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return null;
    }

    private static Series series(String key, List<Point> points, List<String> window) {
        Map<String, Long> byBucket = new LinkedHashMap<>();
        points.forEach(point -> byBucket.put(point.bucket(), point.incidents()));
        List<Long> zeroFilled = window.stream().map(b -> byBucket.getOrDefault(b, 0L)).toList();
        return new Series(key, points.stream().mapToLong(Point::incidents).sum(),
                points.stream().mapToLong(Point::score).sum(), points.stream().mapToLong(Point::recurrences).sum(),
                Trend.of(zeroFilled), points);
    }
}
