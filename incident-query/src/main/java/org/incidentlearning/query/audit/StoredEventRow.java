package org.incidentlearning.query.audit;

import org.incidentlearning.kernel.audit.EventChain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the event store as it is stored, with the chain hash written beside it (null when there is none). */
record StoredEventRow(long position, String eventId, String incidentId, long sequence, String aggregateType,
                      String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                      String storedPreviousHash, String storedHash) {

    /** What the event store's VARCHAR columns hold: ids, types and the names of payload types. */
    static final int COLUMN_LENGTH = 255;
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
                                  + "e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, "
                                  + "h.previous_hash, h.hash";
    static final String FROM = "domain_event_entry e LEFT JOIN event_hash h ON h.event_identifier = e.event_identifier";

    static StoredEventRow of(ResultSet rs) throws SQLException {
        return new StoredEventRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10),
                rs.getString(11), rs.getString(12));
    }

    /** The hash this row has now, chained to {@code previousHash}. */
    String recomputedHash(String previousHash) {
        return EventChain.hash(previousHash, eventId, incidentId, sequence, aggregateType, timestamp, payloadType,
                payloadRevision, payload, metaData);
    }

    String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
