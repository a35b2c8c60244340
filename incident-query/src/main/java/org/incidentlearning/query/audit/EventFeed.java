package org.incidentlearning.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.audit.EventChain;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.web.Uncapped;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Every stored event in commit order, read page by page with a cursor. Positions come from an identity column, and a
 * transaction can commit a lower position after a higher one: the feed never passes a gap younger than
 * {@link #GAP_SETTLE}, so a position that is still being committed is not skipped (an older gap is a rolled-back
 * insert and stays empty). Paging while writes go on therefore neither skips nor repeats an event.
 */
@Component
public class EventFeed {

    static final Duration GAP_SETTLE = Duration.ofSeconds(5);
    /** The most events one page of the feed holds. */
    static final int MAX_PAGE_SIZE = 1000;
    private static final int SCAN_BATCH = 500;

    public record FeedEvent(@Schema(minimum = "1") long position,
                            @Schema(maxLength = StoredEventRow.COLUMN_LENGTH) String eventId,
                            @Schema(maxLength = StoredEventRow.COLUMN_LENGTH) String incidentId,
                            @Schema(minimum = "1") long sequence,
                            @Schema(maxLength = StoredEventRow.COLUMN_LENGTH, description = "The event's simple type "
                                    + "name, e.g. IncidentDeclaredEvent") String type,
                            Instant timestamp,
                            @Nullable @Uncapped("who caused the event, an API key's name or a JWT's subject; names "
                                      + "in configuration and token subjects have no limit") String actor,
                            JsonNode payload, JsonNode metadata,
                            @Schema(pattern = EventChain.HASH_PATTERN, maxLength = EventChain.HASH_LENGTH)
                            String hash) {
    }

    public record Filter(String type, String team, Instant from, Instant to) {

        boolean accepts(FeedEvent event) {
            return (type == null || type.equals(event.type()))
                   && (from == null || !event.timestamp().isBefore(from))
                   && (to == null || event.timestamp().isBefore(to))
                   && (team == null || concerns(event, team));
        }

        private static boolean concerns(FeedEvent event, String team) {
            Predicate<JsonNode> names = node -> node.isTextual() && node.asText().equals(team);
            JsonNode payload = event.payload();
            return team.equals(event.actor()) || names.test(payload.path("team"))
                   || names.test(payload.path("decidingTeam")) || names.test(payload.path("from"))
                   || names.test(payload.path("to"))
                   || StreamSupport.stream(payload.path("teams").spliterator(), false).anyMatch(names)
                   || StreamSupport.stream(payload.path("withTeams").spliterator(), false).anyMatch(names);
        }
    }

    public record Page(@ArraySchema(maxItems = MAX_PAGE_SIZE) List<FeedEvent> items,
                       @Schema(minimum = "0", description = "The position to ask for events after next") long next,
                       @Schema(minimum = "1", maximum = "" + MAX_PAGE_SIZE) int size) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public EventFeed(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page after(long after, int size, Filter filter) {
        List<FeedEvent> items = new ArrayList<>();
        long cursor = after;
        Instant settled = clock.instant().minus(GAP_SETTLE);
        while (items.size() < size) {
            List<StoredEventRow> rows = jdbc.query("SELECT " + StoredEventRow.COLUMNS + " FROM " + StoredEventRow.FROM
                                                   + " WHERE e.global_index > :after ORDER BY e.global_index "
                                                   + "LIMIT :limit",
                    new MapSqlParameterSource("after", cursor).addValue("limit", SCAN_BATCH),
                    (rs, row) -> StoredEventRow.of(rs));
            if (rows.isEmpty()) {
                break;
            }
            for (StoredEventRow row : rows) {
                FeedEvent event = event(row);
                if (row.position() != cursor + 1 && event.timestamp().isAfter(settled)) {
                    return new Page(items, cursor, size);
                }
                cursor = row.position();
                if (filter.accepts(event)) {
                    items.add(event);
                    if (items.size() == size) {
                        break;
                    }
                }
            }
        }
        return new Page(items, cursor, size);
    }

    private FeedEvent event(StoredEventRow row) {
        JsonNode metadata = read(row.metaData());
        JsonNode actor = metadata.path(CommandMetadata.ACTOR);
        return new FeedEvent(row.position(), row.eventId(), row.incidentId(), row.sequence() + 1, row.simpleType(),
                Instant.parse(row.timestamp()), actor.isTextual() ? actor.asText() : null, read(row.payload()),
                metadata, row.storedHash());
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.nullNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("A stored event is not JSON", e);
        }
    }
}
