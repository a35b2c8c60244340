package org.incidentlearning.query.counts;

import org.incidentlearning.store.SharedStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/**
 * Adds deltas to count rows that both segments of a processor write. PostgreSQL's {@code INSERT ... ON CONFLICT} is
 * atomic against a concurrent insert of the same key. H2's {@code MERGE} is not: when two batches add the same new key
 * at once, the later one waits for the earlier to commit and then fails on the key. It is sent once more, and then
 * finds the row and adds to it. H2 undoes only the failed statement, so the batch goes on.
 */
public final class CountUpsert {

    private final NamedParameterJdbcTemplate jdbc;
    private final String statement;
    private final boolean atomic;

    /**
     * @param postgresUpsert the {@code INSERT ... ON CONFLICT ... DO UPDATE} that adds a row's deltas
     * @param h2Merge        the {@code MERGE} that does the same on H2
     */
    public CountUpsert(NamedParameterJdbcTemplate jdbc, SharedStore store, String postgresUpsert, String h2Merge) {
        this.jdbc = jdbc;
        this.atomic = store.isShared();
        this.statement = atomic ? postgresUpsert : h2Merge;
    }

    /** Adds each row's deltas, in the order given: callers give a fixed order of keys, so no two batches deadlock. */
    public void apply(List<MapSqlParameterSource> rows) {
        if (atomic) {
            jdbc.batchUpdate(statement, rows.toArray(MapSqlParameterSource[]::new));
            return;
        }
        for (MapSqlParameterSource row : rows) {
            try {
                jdbc.update(statement, row);
            } catch (DuplicateKeyException addedMeanwhile) {
                jdbc.update(statement, row);
            }
        }
    }
}
