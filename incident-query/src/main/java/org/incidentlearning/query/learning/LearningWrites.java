package org.incidentlearning.query.learning;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The learning views' writes within one processor batch (one unit of work, one transaction): kept in order and sent
 * just before the batch commits, each run of statements with the same SQL as one JDBC batch, so a batch of recorded
 * entries costs a few round trips instead of one per row. A read first sends what is pending, so it sees the batch's
 * own writes. Outside a unit of work every statement goes straight to the database.
 */
@Component
class LearningWrites {

    private static final String PENDING = LearningWrites.class.getName() + ".pending";

    /** Statements of one SQL text, in the order they were asked for. */
    private record Run(String sql, List<MapSqlParameterSource> rows) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    LearningWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void update(String sql, MapSqlParameterSource params) {
        List<Run> pending = pending();
        if (pending == null) {
            jdbc.update(sql, params);
            return;
        }
        Run last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last != null && last.sql().equals(sql)) {
            last.rows().add(params);
        } else {
            List<MapSqlParameterSource> rows = new ArrayList<>();
            rows.add(params);
            pending.add(new Run(sql, rows));
        }
    }

    /** The database as this batch has changed it so far. */
    NamedParameterJdbcTemplate reading() {
        List<Run> pending = pending();
        if (pending != null) {
            send(pending);
        }
        return jdbc;
    }

    private List<Run> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Run> runs = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> send(runs));
            return runs;
        });
    }

    private void send(List<Run> runs) {
        for (Run run : runs) {
            if (run.rows().size() == 1) {
                jdbc.update(run.sql(), run.rows().get(0));
            } else {
                jdbc.batchUpdate(run.sql(), run.rows().toArray(MapSqlParameterSource[]::new));
            }
        }
        runs.clear();
    }
}
