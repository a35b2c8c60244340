package org.incidentlearning.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.IncidentPaths;
import org.incidentlearning.web.PageOf;
import org.incidentlearning.web.PathIds;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An incident's history exactly as stored: the system of record, read straight from the event store. */
@RestController
@RequestMapping(path = IncidentPaths.INCIDENTS, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History (auditors)")
public class IncidentHistoryController {

    /** What the event store's VARCHAR columns hold of an event's id and type. */
    private static final int EVENT_STORE_COLUMN = 255;

    private final EventStore eventStore;

    public IncidentHistoryController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One stored event; {@code sequence} counts from 1, so the last one equals the incident's version. */
    public record StoredEvent(@Schema(minimum = "1") long sequence,
                              @Schema(maxLength = EVENT_STORE_COLUMN) String eventId,
                              @Schema(maxLength = EVENT_STORE_COLUMN, description = "The event's simple type name")
                              String type,
                              Instant timestamp, Object payload, Map<String, Object> metadata) {
    }

    @GetMapping("/{incidentId}/events")
    @Operation(summary = "The incident's stored events in order, with when each was recorded")
    public PageOf<StoredEvent> events(@PathVariable @Pattern(regexp = PathIds.PATTERN) String incidentId,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(PageOf.MAX_PAGE) int page,
                                      @RequestParam(defaultValue = "500") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        List<? extends DomainEventMessage<?>> all = eventStore.readEvents(incidentId).asStream().toList();
        if (all.isEmpty()) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "No incident with id " + incidentId);
        }
        List<StoredEvent> items = all.stream()
                .skip((long) page * size)
                .limit(size)
                .map(event -> new StoredEvent(event.getSequenceNumber() + 1, event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), event.getTimestamp(), event.getPayload(),
                        Map.copyOf(event.getMetaData())))
                .toList();
        return new PageOf<>(items, page, size, all.size());
    }
}
