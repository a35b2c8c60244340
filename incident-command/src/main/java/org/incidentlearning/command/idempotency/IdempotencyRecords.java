package org.incidentlearning.command.idempotency;

import org.incidentlearning.kernel.incident.CommandResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The first answer given to each client idempotency key, written in the same transaction as the command's events,
 * so a key is remembered exactly when its events are stored (and across restarts).
 */
@Repository
public class IdempotencyRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Remembered(String fingerprint, CommandResult result) {
    }

    public Optional<Remembered> find(String key) {
        return jdbc.query("SELECT request_fingerprint, result_id, result_version, result_changed "
                          + "FROM idempotency_key WHERE idempotency_key = ?",
                (rs, row) -> new Remembered(rs.getString(1),
                        new CommandResult(rs.getString(2), rs.getLong(3), rs.getBoolean(4))),
                key).stream().findFirst();
    }

    public void remember(String key, String fingerprint, CommandResult result) {
        jdbc.update("INSERT INTO idempotency_key (idempotency_key, request_fingerprint, result_id, result_version, "
                    + "result_changed, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                key, fingerprint, result.id(), result.version(), result.changed(), Timestamp.from(clock.instant()));
    }
}
