package org.incidentlearning.query.hotspot;

import org.incidentlearning.query.counts.CountUpsert;
import org.incidentlearning.store.SharedStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hot-spot buckets kept as incidents change: incidents, severity-weighted score and recurrences per dimension,
 * bucket kind, key and bucket. A batch of the incident views adds up its changes ({@link Deltas}) and adds them to
 * the rows once, in a fixed order of keys, so the two segments of the processor never wait on each other in a circle.
 * A read of the hot spots is then a range scan of these rows.
 */
@Repository
public class HotspotCounts {

    /** One bucket of one key. */
    record Key(HotspotTimeline.Dimension dimension, TimeBucket kind, String key, String bucket) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::dimension).thenComparing(Key::kind)
            .thenComparing(Key::key).thenComparing(Key::bucket);
    /** PostgreSQL's atomic upsert: two segments (of any node) adding to a new bucket at once both count. */
    private static final String POSTGRES_UPSERT = "INSERT INTO hotspot_bucket (dimension, bucket_kind, hotspot_key, "
            + "bucket, incidents, score, recurrences) VALUES (:dimension, :kind, :key, :bucket, :incidents, :score, "
            + ":recurrences) ON CONFLICT (dimension, bucket_kind, hotspot_key, bucket) DO UPDATE SET "
            + "incidents = hotspot_bucket.incidents + EXCLUDED.incidents, "
            + "score = hotspot_bucket.score + EXCLUDED.score, "
            + "recurrences = hotspot_bucket.recurrences + EXCLUDED.recurrences";
    private static final String MERGE = "MERGE INTO hotspot_bucket b USING (SELECT CAST(:dimension AS VARCHAR(16)) "
            + "AS dimension, CAST(:kind AS VARCHAR(8)) AS bucket_kind, CAST(:key AS VARCHAR(100)) AS hotspot_key, "
            + "CAST(:bucket AS VARCHAR(8)) AS bucket, CAST(:incidents AS BIGINT) AS incidents, "
            + "CAST(:score AS BIGINT) AS score, CAST(:recurrences AS BIGINT) AS recurrences) d "
            + "ON b.dimension = d.dimension AND b.bucket_kind = d.bucket_kind AND b.hotspot_key = d.hotspot_key "
            + "AND b.bucket = d.bucket WHEN MATCHED THEN UPDATE SET incidents = b.incidents + d.incidents, "
            + "score = b.score + d.score, recurrences = b.recurrences + d.recurrences WHEN NOT MATCHED THEN INSERT "
            + "(dimension, bucket_kind, hotspot_key, bucket, incidents, score, recurrences) VALUES (d.dimension, "
            + "d.bucket_kind, d.hotspot_key, d.bucket, d.incidents, d.score, d.recurrences)";

    private final CountUpsert upsert;

    public HotspotCounts(NamedParameterJdbcTemplate jdbc, SharedStore store) {
        this.upsert = new CountUpsert(jdbc, store, POSTGRES_UPSERT, MERGE);
    }

    /** What a batch changes in the buckets, summed per bucket. */
    public static final class Deltas {
        private final Map<Key, long[]> sums = new TreeMap<>(ORDER);

        /** An incident started at {@code startedAt} now counts ({@code sign} 1) or no longer counts (-1) for a key. */
        public void count(HotspotTimeline.Dimension dimension, String key, Instant startedAt, int sign, long weight,
                          boolean recurring) {
            add(dimension, key, startedAt, sign, sign * weight, recurring ? sign : 0);
        }

        /** An incident that counts for a key now recurs a declined remediation. */
        public void recurs(HotspotTimeline.Dimension dimension, String key, Instant startedAt) {
            add(dimension, key, startedAt, 0, 0, 1);
        }

        private void add(HotspotTimeline.Dimension dimension, String key, Instant startedAt, long incidents,
                         long score, long recurrences) {
            for (TimeBucket kind : TimeBucket.values()) {
                long[] sum = sums.computeIfAbsent(new Key(dimension, kind, key, kind.labelOf(startedAt)),
                        k -> new long[3]);
                sum[0] += incidents;
                sum[1] += score;
                sum[2] += recurrences;
            }
        }
    }

    public void apply(Deltas deltas) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        deltas.sums.forEach((key, sum) -> {
            if (sum[0] != 0 || sum[1] != 0 || sum[2] != 0) {
                rows.add(new MapSqlParameterSource("dimension", key.dimension().name())
                        .addValue("kind", key.kind().name()).addValue("key", key.key())
                        .addValue("bucket", key.bucket()).addValue("incidents", sum[0]).addValue("score", sum[1])
                        .addValue("recurrences", sum[2]));
            }
        });
        upsert.apply(rows);
    }
}
