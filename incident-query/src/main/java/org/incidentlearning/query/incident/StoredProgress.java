package org.incidentlearning.query.incident;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * How far a projection has come on every node, read from the tokens its segments store with each batch of view
 * writes. Reading them claims nothing: another node may be processing the segment meanwhile.
 */
@Component
class StoredProgress {

    private static final String TOKENS = "SELECT token, token_type FROM token_entry WHERE processor_name = ?";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StoredProgress(DataSource dataSource, Serializer serializer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
    }

    /** Whether every segment of {@code processor} has handled the event at {@code position}. */
    boolean everySegmentReached(String processor, long position) {
        List<OptionalLong> positions = jdbc.query(TOKENS,
                (row, index) -> position(row.getBytes(1), row.getString(2)), processor);
        return positions.stream().allMatch(reached -> reached.orElse(-1) >= position);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken stored = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return stored.position();
    }
}
