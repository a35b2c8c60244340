package org.incidentlearning.store;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.incidentlearning.kernel.audit.EventChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events as Axon's JDBC engine does, and on the same connection (so in the same transaction) writes each
 * event's chain hash over exactly the bytes stored. A failed append rolls both back together. Every append first
 * takes the store's append lock, {@link #LOCK_APPENDS}.
 */
public class HashChainedAppend implements AppendEventsStatementBuilder {

    /**
     * Waits for and holds, until the transaction ends, the one lock all appends take before they insert. Global
     * indexes are taken at insert, so without it an open transaction would leave a hole that later appends commit
     * past, and a reader gives up on a hole after the gap timeout: an append committing later than that would never
     * be read. Under the lock, appends commit in index order and every hole a reader sees is a rolled-back append.
     */
    public static final String LOCK_APPENDS = "SELECT id FROM event_append_lock WHERE id = 1 FOR UPDATE";

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_APPENDS);
             ResultSet row = lock.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("The event_append_lock row is missing; appends cannot be ordered");
            }
        }
        PreparedStatement append = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                                                               + schema.domainEventFields()
                                                               + ") VALUES (?,?,?,?,?,?,?,?,?)");
        Map<String, String> lastHash = new HashMap<>();
        try (PreparedStatement chain = connection.prepareStatement("INSERT INTO event_hash (event_identifier, "
                + "aggregate_identifier, sequence_number, previous_hash, hash) VALUES (?,?,?,?,?)")) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
                append.setString(1, event.getIdentifier());
                append.setString(2, event.getAggregateIdentifier());
                append.setLong(3, event.getSequenceNumber());
                append.setString(4, event.getType());
                timestampWriter.writeTimestamp(append, 5, event.getTimestamp());
                append.setString(6, payload.getType().getName());
                append.setString(7, payload.getType().getRevision());
                append.setBytes(8, payload.getData());
                append.setBytes(9, metaData.getData());
                append.addBatch();

                String previous = lastHash.containsKey(event.getAggregateIdentifier())
                        ? lastHash.get(event.getAggregateIdentifier())
                        : previousHash(connection, event.getAggregateIdentifier(), event.getSequenceNumber());
                String hash = EventChain.hash(previous, event.getIdentifier(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()),
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                        metaData.getData());
                lastHash.put(event.getAggregateIdentifier(), hash);
                chain.setString(1, event.getIdentifier());
                chain.setString(2, event.getAggregateIdentifier());
                chain.setLong(3, event.getSequenceNumber());
                chain.setString(4, previous);
                chain.setString(5, hash);
                chain.addBatch();
            }
            chain.executeBatch();
        }
        return append;
    }

    private static String previousHash(Connection connection, String aggregateId, long sequence) throws SQLException {
        if (sequence == 0) {
            return EventChain.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT hash FROM event_hash "
                                                                   + "WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            query.setString(1, aggregateId);
            query.setLong(2, sequence - 1);
            try (ResultSet row = query.executeQuery()) {
                // An event stored before hashing existed leaves no hash: its successor starts a new chain.
                return row.next() ? row.getString(1) : EventChain.GENESIS;
            }
        }
    }
}
