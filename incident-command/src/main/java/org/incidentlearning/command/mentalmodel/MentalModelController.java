package org.incidentlearning.command.mentalmodel;

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
import org.incidentlearning.kernel.mentalmodel.NoteDivergenceCommand;
import org.incidentlearning.kernel.mentalmodel.RecordMentalModelCommand;
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
@Tag(name = "Mental models and divergences (commands)")
public class MentalModelController {

    private final CommandDispatch dispatch;

    public MentalModelController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record RecordMentalModelRequest(
            @NotBlank @Size(max = NAME) String team,
            @NotBlank @Size(max = NAME) String subject,
            @NotBlank @Size(max = TEXT) String belief,
            OffsetDateTime heldAt) {
    }

    @PostMapping("/" + IncidentPaths.MENTAL_MODELS)
    @CreatesEntry
    @Operation(summary = "Record what a team believed about a component or process at the time")
    public ResponseEntity<CommandAnswer> recordMentalModel(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody RecordMentalModelRequest request, CommandOptions options) {
        var command = new RecordMentalModelCommand(incidentId, UUID.randomUUID().toString(), request.team(),
                request.subject(), request.belief(), request.heldAt() == null ? null : request.heldAt().toInstant());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.MENTAL_MODELS, id));
    }

    public record NoteDivergenceRequest(
            @NotNull @Size(min = 2, max = LIST) List<@NotBlank @Pattern(regexp = ID_PATTERN) String> mentalModelIds,
            @NotBlank @Size(max = TEXT) String description,
            @NotBlank @Size(max = TEXT) String effect) {
    }

    @PostMapping("/" + IncidentPaths.DIVERGENCES)
    @CreatesEntry
    @Operation(summary = "Note that two or more recorded mental models diverged, and what that did to the response")
    public ResponseEntity<CommandAnswer> noteDivergence(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody NoteDivergenceRequest request, CommandOptions options) {
        var command = new NoteDivergenceCommand(incidentId, UUID.randomUUID().toString(), request.mentalModelIds(),
                request.description(), request.effect());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.DIVERGENCES, id));
    }
}
