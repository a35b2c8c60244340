package org.incidentlearning.command.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.command.web.CommandAnswer;
import org.incidentlearning.command.web.CommandDispatch;
import org.incidentlearning.command.web.CommandOptions;
import org.incidentlearning.command.web.CreatesEntry;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.RecordCoordinationCommand;
import org.incidentlearning.kernel.timeline.RecordTimelineEntryCommand;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.LIST;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENT, consumes = "application/json", produces = "application/json")
@Tag(name = "Timeline and coordination (commands)")
public class TimelineController {

    private final CommandDispatch dispatch;

    public TimelineController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record RecordTimelineEntryRequest(
            @NotNull OffsetDateTime occurredAt,
            @NotBlank @Size(max = NAME) String team,
            @NotNull TimelineEntryKind kind,
            @NotBlank @Size(max = TEXT) String text) {
    }

    @PostMapping("/" + IncidentPaths.TIMELINE_ENTRIES)
    @CreatesEntry
    @Operation(summary = "Record what happened and when it happened (occurredAt), as seen by a team")
    public ResponseEntity<CommandAnswer> recordTimelineEntry(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody RecordTimelineEntryRequest request, CommandOptions options) {
        var command = new RecordTimelineEntryCommand(incidentId, UUID.randomUUID().toString(),
                request.occurredAt().toInstant(), request.team(), request.kind(), request.text());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.TIMELINE_ENTRIES, id));
    }

    public record RecordCoordinationRequest(
            @NotBlank @Size(max = NAME) String team,
            @NotNull CoordinationKind kind,
            @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> withTeams,
            @NotBlank @Size(max = TEXT) String description,
            OffsetDateTime occurredAt) {
    }

    @PostMapping("/" + IncidentPaths.COORDINATIONS)
    @CreatesEntry
    @Operation(summary = "Record how teams coordinated during the response: hand-offs, escalations, joint work")
    public ResponseEntity<CommandAnswer> recordCoordination(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody RecordCoordinationRequest request, CommandOptions options) {
        var command = new RecordCoordinationCommand(incidentId, UUID.randomUUID().toString(), request.team(),
                request.kind(), request.withTeams(), request.description(),
                request.occurredAt() == null ? null : request.occurredAt().toInstant());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.COORDINATIONS, id));
    }
}
