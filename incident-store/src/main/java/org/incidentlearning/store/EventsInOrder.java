package org.incidentlearning.store;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Every stored event in commit order, read in one streaming query with a large fetch size, for a rebuild of the
 * views: Axon's engine reads a hundred events per query and transaction, which caps a rebuild well below what the
 * store can give. The events are upcast and deserialized as the engine does, and each carries the gap-aware token a
 * processor would have after it, so a processor can go on from where a rebuild stopped without missing an event
 * committed late under a lower index.
 */
@Component
public class EventsInOrder {

    /** As Axon's engine: holes further back than this are no longer waited for. */
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int FETCH_SIZE = 2_000;
    /** Rows deserialized together: the upcaster chain runs over a stream, once per chunk rather than per event. */
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final EventSchema schema;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    public EventsInOrder(DataSource dataSource, EventSchema schema, @Qualifier("eventSerializer") Serializer serializer,
                         org.axonframework.config.Configuration axon) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * Hands every event after {@code after} (and every event that has since filled one of its gaps) to
     * {@code each}, in global index order.
     *
     * @param after null to read from the first event
     * @return the token after the last event read; {@code after} when there was none
     */
    public GapAwareTrackingToken read(GapAwareTrackingToken after, Consumer<TrackedEventMessage<?>> each)
            throws SQLException {
        GapAwareTrackingToken token = after == null ? GapAwareTrackingToken.newInstance(0, List.of()) : after;
        String gaps = token.getGaps().isEmpty() ? "" : " OR " + schema.globalIndexColumn() + " IN ("
                + token.getGaps().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        String sql = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " > ?" + gaps + " ORDER BY " + schema.globalIndexColumn();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result set only inside a transaction; otherwise it reads every row first.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, token.getIndex());
                try (ResultSet rows = statement.executeQuery()) {
                    List<TrackedEventData<?>> chunk = new ArrayList<>(CHUNK);
                    while (rows.next()) {
                        token = token.advanceTo(rows.getLong(1), MAX_GAP_OFFSET);
                        chunk.add(new TrackedDomainEventData<>(token, new GenericDomainEventEntry<>(
                                rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), rows.getBytes(9),
                                rows.getBytes(10))));
                        if (chunk.size() == CHUNK) {
                            deliver(chunk, each);
                        }
                    }
                    deliver(chunk, each);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return token;
    }

    private void deliver(List<TrackedEventData<?>> chunk, Consumer<TrackedEventMessage<?>> each) {
        EventUtils.upcastAndDeserializeTrackedEvents(chunk.stream(), serializer, axon.upcasterChain()).forEach(each);
        chunk.clear();
    }
}
