package org.incidentlearning.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * What makes a write safe to acknowledge. On PostgreSQL a committed transaction is durable, so nothing is left to do.
 * The embedded H2 file writes what was committed to the file in the background, every write delay
 * ({@link EmbeddedStoreLocation}), so that the projections' many small commits cost memory, not a file write each:
 * a crash loses at most their last moments, and they redo them from their tokens, which were written with them. A
 * write that is about to be acknowledged (a command's events, an API key, a template) calls {@link #makeDurable()}
 * first, which writes everything committed so far to the file, as H2's {@code CHECKPOINT} does. A refusal calls it
 * too: it was decided on what the store held, and must not be answered on state a crash could take back.
 */
@Component
public class AcknowledgedWrites {

    private final JdbcTemplate jdbc;
    private final boolean committedIsDurable;

    public AcknowledgedWrites(DataSource dataSource, SharedStore store) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.committedIsDurable = store.isShared();
    }

    /** Returns once everything committed before the call is in the store's file. */
    public void makeDurable() {
        if (!committedIsDurable) {
            jdbc.execute("CHECKPOINT");
        }
    }
}
