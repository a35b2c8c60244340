package org.incidentlearning.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Reads that walk the whole event table, row by row with bounded memory. PostgreSQL's driver fetches rows in batches
 * only inside a transaction and with a fetch size; otherwise it holds the whole result in memory before the first
 * row is handed out. H2 spills large results to disk either way.
 */
@Component
class WholeStoreReads {

    private static final int ROWS_PER_FETCH = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    WholeStoreReads(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate batched = new JdbcTemplate(dataSource);
        batched.setFetchSize(ROWS_PER_FETCH);
        this.jdbc = new NamedParameterJdbcTemplate(batched);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void forEachRow(String sql, RowCallbackHandler handler) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, new MapSqlParameterSource(), handler));
    }
}
