package org.incidentlearning.store;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Axon's JDBC engine for appends through {@link HashChainedAppend}, which writes the chain rows while the append
 * statement is built. A failure there escapes the engine's own handling of failed appends, so an append that lost
 * the race for a sequence number to another node (a duplicate key on the chain row, possible on PostgreSQL) would be
 * a bare {@link JdbcException}; here it goes through the persistence exception resolver like a duplicate event row
 * and becomes the {@code ConcurrencyException} the command edge retries.
 */
class HashChainedStorageEngine extends JdbcEventStorageEngine {

    HashChainedStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        try {
            super.appendEvents(events, serializer);
        } catch (JdbcException statementNotBuilt) {
            handlePersistenceException(statementNotBuilt, events.get(0));
        }
    }
}
