package org.incidentlearning.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.web.Uncapped;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Recomputes the hash chains from the stored rows and compares them with the hashes written at append time. A
 * changed payload, metadata, timestamp or type, a deleted or reordered event, or a changed stored hash shows as the
 * first broken sequence. It cannot show a change made consistently to an event and every later hash of its incident
 * by someone with write access to both tables: keep the global digest somewhere else to catch that too.
 */
@Component
public class EventChainVerification {

    /** Why a chain is broken, for the event with the sequence number in place of %d. */
    private static final String MISSING = "event %d is missing";
    private static final String UNHASHED = "event %d has no stored hash";
    private static final String OUT_OF_ORDER = "event %d does not follow the one before it";
    private static final String ALTERED = "event %d differs from what was recorded";
    private static final String GONE = "event %d was recorded and is gone";

    /** The reasons' limits are set from the reasons themselves (QueryDocumentation). */
    public record IncidentVerification(boolean valid, @Schema(minimum = "1") long events,
                                       @Nullable @Schema(minimum = "1") Long firstBrokenSequence,
                                       @Nullable String reason) {
    }

    public record BrokenIncident(@Schema(maxLength = StoredEventRow.COLUMN_LENGTH) String incidentId,
                                 @Schema(minimum = "1") long firstBrokenSequence, String reason) {
    }

    public record StoreVerification(boolean valid, @Schema(minimum = "0") long incidents,
                                    @Schema(minimum = "0") long events,
                                    @Uncapped("every incident whose chain is broken")
                                    List<BrokenIncident> brokenIncidents,
                                    @Schema(pattern = EventChain.HASH_PATTERN, maxLength = EventChain.HASH_LENGTH)
                                    String digest,
                                    @Schema(minimum = "0") long digestPosition) {
    }

    /** The longest reason a broken chain is given: a template with the longest sequence number in it. */
    public static int longestReason() {
        return Stream.of(MISSING, UNHASHED, OUT_OF_ORDER, ALTERED, GONE)
                .mapToInt(reason -> String.format(Locale.ROOT, reason, Long.MAX_VALUE).length()).max().orElseThrow();
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final WholeStoreReads store;

    EventChainVerification(NamedParameterJdbcTemplate jdbc, WholeStoreReads store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** @return null when the incident has no stored events */
    public IncidentVerification incident(String incidentId) {
        List<StoredEventRow> rows = jdbc.query("SELECT " + StoredEventRow.COLUMNS + " FROM " + StoredEventRow.FROM
                                               + " WHERE e.aggregate_identifier = :id ORDER BY e.sequence_number",
                new MapSqlParameterSource("id", incidentId), (rs, row) -> StoredEventRow.of(rs));
        if (rows.isEmpty()) {
            return null;
        }
        Long hashes = jdbc.queryForObject("SELECT COUNT(*) FROM event_hash WHERE aggregate_identifier = :id",
                new MapSqlParameterSource("id", incidentId), Long.class);
        return verify(rows, hashes == null ? 0 : hashes);
    }

    public StoreVerification store() {
        List<String> incidents = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                                                   + "ORDER BY aggregate_identifier", new MapSqlParameterSource(),
                String.class);
        List<BrokenIncident> broken = new ArrayList<>();
        long events = 0;
        for (String incidentId : incidents) {
            IncidentVerification verification = incident(incidentId);
            events += verification.events();
            if (!verification.valid()) {
                broken.add(new BrokenIncident(incidentId, verification.firstBrokenSequence(), verification.reason()));
            }
        }
        String[] digest = {EventChain.GENESIS};
        long[] position = {0};
        store.forEachRow("SELECT e.global_index, h.hash FROM " + StoredEventRow.FROM + " ORDER BY e.global_index",
                rs -> {
                    position[0] = rs.getLong(1);
                    digest[0] = EventChain.fold(digest[0], rs.getString(2) == null ? "" : rs.getString(2));
                });
        return new StoreVerification(broken.isEmpty(), incidents.size(), events, broken, digest[0], position[0]);
    }

    private static IncidentVerification verify(List<StoredEventRow> rows, long storedHashes) {
        String previous = EventChain.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            StoredEventRow row = rows.get(i);
            long sequence = i + 1L;
            if (row.sequence() != i) {
                return broken(rows, sequence, MISSING);
            }
            if (row.storedHash() == null) {
                return broken(rows, sequence, UNHASHED);
            }
            if (!previous.equals(row.storedPreviousHash())) {
                return broken(rows, sequence, OUT_OF_ORDER);
            }
            String recomputed = row.recomputedHash(previous);
            if (!recomputed.equals(row.storedHash())) {
                return broken(rows, sequence, ALTERED);
            }
            previous = recomputed;
        }
        if (storedHashes > rows.size()) {
            return broken(rows, rows.size() + 1L, GONE);
        }
        return new IncidentVerification(true, rows.size(), null, null);
    }

    private static IncidentVerification broken(List<StoredEventRow> rows, long sequence, String reason) {
        return new IncidentVerification(false, rows.size(), sequence, String.format(Locale.ROOT, reason, sequence));
    }
}
