package org.incidentlearning.query.counts;

import org.incidentlearning.store.SharedStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two batches on the embedded store add to the same new count at once, as the processor's two segments do. */
class CountUpsertTest {

    private static final String URL = "jdbc:h2:mem:counts;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    private static final String MERGE = "MERGE INTO tally t USING (SELECT CAST(:key AS VARCHAR(20)) AS tally_key, "
            + "CAST(:n AS BIGINT) AS n) d ON t.tally_key = d.tally_key WHEN MATCHED THEN UPDATE SET n = t.n + d.n "
            + "WHEN NOT MATCHED THEN INSERT (tally_key, n) VALUES (d.tally_key, d.n)";

    private Connection first;
    private Connection second;

    @BeforeEach
    void open() throws SQLException {
        first = DriverManager.getConnection(URL, "sa", "");
        first.createStatement().execute("CREATE TABLE tally (tally_key VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL)");
        first.setAutoCommit(false);
        second = DriverManager.getConnection(URL, "sa", "");
        second.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        second.close();
        first.rollback();
        first.createStatement().execute("DROP TABLE tally");
        first.close();
    }

    @Test
    void aBatchThatWaitedForAnotherToAddTheSameNewKeyAddsToItsRow() throws Exception {
        upsert(first).apply(List.of(row("DNS", 1)));
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            upsert(second).apply(List.of(row("DNS", 2)));
            commit(second);
        });
        await().atMost(Duration.ofSeconds(10)).until(this::theSecondWaitsInItsMerge);
        first.commit();

        waiting.get();
        try (var rows = first.createStatement().executeQuery("SELECT n FROM tally WHERE tally_key = 'DNS'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(3);
            assertThat(rows.next()).isFalse();
        }
    }

    /** H2 names no blocker for a wait on a row; a MERGE still executing can only be waiting for the first batch. */
    private boolean theSecondWaitsInItsMerge() throws SQLException {
        try (Connection look = DriverManager.getConnection(URL, "sa", "");
             var rows = look.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
                                                            + "WHERE EXECUTING_STATEMENT LIKE 'MERGE INTO tally%'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static CountUpsert upsert(Connection connection) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
        try {
            return new CountUpsert(new NamedParameterJdbcTemplate(dataSource), new SharedStore(dataSource),
                    "not used on H2", MERGE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MapSqlParameterSource row(String key, long n) {
        return new MapSqlParameterSource("key", key).addValue("n", n);
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
