package org.incidentlearning.command.context;

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
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.context.RecordContextCommand;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENT, consumes = "application/json", produces = "application/json")
@Tag(name = "Context (commands)")
public class ContextController {

    private final CommandDispatch dispatch;

    public ContextController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record RecordContextRequest(
            @NotBlank @Size(max = NAME) String team,
            @NotNull ContextKind kind,
            @NotBlank @Size(max = TEXT) String description) {
    }

    @PostMapping("/" + IncidentPaths.CONTEXTS)
    @CreatesEntry
    @Operation(summary = "Record a pressure, incentive, constraint, priority or circumstance a team faced")
    public ResponseEntity<CommandAnswer> recordContext(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                       @Valid @RequestBody RecordContextRequest request,
                                                       CommandOptions options) {
        var command = new RecordContextCommand(incidentId, UUID.randomUUID().toString(), request.team(),
                request.kind(), request.description());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.CONTEXTS, id));
    }
}
