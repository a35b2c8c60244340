package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.counts.CountUpsert;
import org.incidentlearning.store.SharedStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many items each list of a team's context holds, kept as the team's rows change, so the context's counts are
 * one indexed read however many incidents the team took part in. A batch of the incident views adds up its changes
 * ({@link Deltas}) and adds them to the rows once, in a fixed order of keys ({@link SharedCounts}).
 */
@Repository
class TeamCounts {

    /** The item that counts the incidents a team takes part in. */
    static final String INCIDENTS = "INCIDENTS";

    /** One count of one team. */
    record Key(String team, String item) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::team).thenComparing(Key::item);
    /** PostgreSQL's atomic upsert: two segments (of any node) adding to a new count at once both count. */
    private static final String POSTGRES_UPSERT = "INSERT INTO team_count (team, item, items) VALUES (:team, :item, "
            + ":items) ON CONFLICT (team, item) DO UPDATE SET items = team_count.items + EXCLUDED.items";
    private static final String MERGE = "MERGE INTO team_count c USING (SELECT CAST(:team AS VARCHAR(100)) AS team, "
            + "CAST(:item AS VARCHAR(32)) AS item, CAST(:items AS BIGINT) AS items) d "
            + "ON c.team = d.team AND c.item = d.item WHEN MATCHED THEN UPDATE SET items = c.items + d.items "
            + "WHEN NOT MATCHED THEN INSERT (team, item, items) VALUES (d.team, d.item, d.items)";

    private final NamedParameterJdbcTemplate jdbc;
    private final CountUpsert upsert;

    TeamCounts(NamedParameterJdbcTemplate jdbc, SharedStore store) {
        this.jdbc = jdbc;
        this.upsert = new CountUpsert(jdbc, store, POSTGRES_UPSERT, MERGE);
    }

    /** The item that counts a team's entries of one section. */
    static String of(PartSection section) {
        return section.name();
    }

    /** The item that counts a team's remediations in one state. */
    static String of(RemediationState state) {
        return "STATE_" + state.name();
    }

    /** What a batch changes in the counts, summed per team and item. */
    static final class Deltas {
        private final Map<Key, Long> sums = new TreeMap<>(ORDER);

        void add(String team, String item, long delta) {
            sums.merge(new Key(team, item), delta, Long::sum);
        }
    }

    /**
     * Adds the batch's sums. A count brought down to zero loses its row, as if it had never counted anything: the
     * rows are then the same however the events were batched, live or in a rebuild.
     */
    void apply(Deltas deltas) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        List<MapSqlParameterSource> lowered = new ArrayList<>();
        deltas.sums.forEach((key, sum) -> {
            if (sum != 0) {
                MapSqlParameterSource row = new MapSqlParameterSource("team", key.team()).addValue("item", key.item())
                        .addValue("items", sum);
                rows.add(row);
                if (sum < 0) {
                    lowered.add(row);
                }
            }
        });
        upsert.apply(rows);
        jdbc.batchUpdate("DELETE FROM team_count WHERE team = :team AND item = :item AND items = 0",
                lowered.toArray(MapSqlParameterSource[]::new));
    }

    /** Every count the team has, by item. */
    Map<String, Long> of(String team) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT item, items FROM team_count WHERE team = :team", new MapSqlParameterSource("team", team),
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
