package org.incidentlearning.query.incident;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * How far a projection has come on every node: from the tokens its segments store with each batch of view writes,
 * and, for the segments this node works on, from its processor itself. A segment whose events all belong to the
 * other segment stores its token only now and then, while its processor knows at once that it is past them.
 * Reading claims nothing: another node may be processing a segment meanwhile.
 */
@Component
class StoredProgress {

    private static final String TOKENS = "SELECT segment, token, token_type FROM token_entry "
                                         + "WHERE processor_name = ?";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    StoredProgress(DataSource dataSource, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.processing = processing;
    }

    /** Whether every segment of {@code processor} has handled the event at {@code position}. */
    boolean everySegmentReached(String processor, long position) {
        Map<Integer, EventTrackerStatus> here = processing.eventProcessor(processor, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<Long> positions = jdbc.query(TOKENS, (row, index) -> {
            long stored = position(row.getBytes(2), row.getString(3)).orElse(-1);
            EventTrackerStatus local = here.get(row.getInt(1));
            return local == null ? stored : Math.max(stored, local.getCurrentPosition().orElse(-1));
        }, processor);
        return positions.stream().allMatch(reached -> reached >= position);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken stored = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return stored.position();
    }
}
