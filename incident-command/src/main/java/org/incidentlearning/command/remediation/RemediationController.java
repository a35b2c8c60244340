package org.incidentlearning.command.remediation;

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
import org.incidentlearning.kernel.remediation.CompleteRemediationCommand;
import org.incidentlearning.kernel.remediation.DecideNotToRemediateCommand;
import org.incidentlearning.kernel.remediation.LinkRecurrenceCommand;
import org.incidentlearning.kernel.remediation.PrioritizeRemediationCommand;
import org.incidentlearning.kernel.remediation.ProposeRemediationCommand;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.ReopenRemediationCommand;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENT, consumes = "application/json", produces = "application/json")
@Tag(name = "Remediations and decisions (commands)")
public class RemediationController {

    private final CommandDispatch dispatch;

    public RemediationController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record ProposeRemediationRequest(
            @NotBlank @Size(max = NAME) String team,
            @NotBlank @Size(max = TEXT) String description) {
    }

    @PostMapping("/" + IncidentPaths.REMEDIATIONS)
    @CreatesEntry
    @Operation(summary = "Propose a remediation owned by the team closest to the system")
    public ResponseEntity<CommandAnswer> propose(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                 @Valid @RequestBody ProposeRemediationRequest request,
                                                 CommandOptions options) {
        var command = new ProposeRemediationCommand(incidentId, UUID.randomUUID().toString(), request.team(),
                request.description());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.REMEDIATIONS, id));
    }

    public record PrioritizeRemediationRequest(
            @NotNull RemediationPriority priority,
            @Size(max = TEXT) String rationale,
            LocalDate dueBy) {
    }

    @PostMapping("/" + IncidentPaths.REMEDIATIONS + "/{remediationId}/prioritize")
    @Operation(summary = "Prioritize a proposed remediation")
    public ResponseEntity<CommandAnswer> prioritize(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                    @PathVariable @Pattern(regexp = ID_PATTERN) String remediationId,
                                                    @Valid @RequestBody PrioritizeRemediationRequest request,
                                                    CommandOptions options) {
        return dispatch.change(new PrioritizeRemediationCommand(incidentId, remediationId, request.priority(),
                request.rationale(), request.dueBy()), request, options);
    }

    public record DeclineRemediationRequest(
            @NotBlank @Size(max = TEXT) String rationale,
            @NotBlank @Size(max = TEXT) String acceptedRisk,
            LocalDate revisitBy) {
    }

    @PostMapping("/" + IncidentPaths.REMEDIATIONS + "/{remediationId}/decline")
    @Operation(summary = "Decide not to remediate: the rationale, the risk accepted, and when to revisit")
    public ResponseEntity<CommandAnswer> decline(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                 @PathVariable @Pattern(regexp = ID_PATTERN) String remediationId,
                                                 @Valid @RequestBody DeclineRemediationRequest request,
                                                 CommandOptions options) {
        return dispatch.change(new DecideNotToRemediateCommand(incidentId, remediationId, request.rationale(),
                request.acceptedRisk(), request.revisitBy()), request, options);
    }

    public record CompleteRemediationRequest(@Size(max = TEXT) String note) {
    }

    @PostMapping("/" + IncidentPaths.REMEDIATIONS + "/{remediationId}/complete")
    @Operation(summary = "Mark a remediation done")
    public ResponseEntity<CommandAnswer> complete(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                  @PathVariable @Pattern(regexp = ID_PATTERN) String remediationId,
                                                  @Valid @RequestBody(required = false)
                                                  CompleteRemediationRequest request,
                                                  CommandOptions options) {
        CompleteRemediationRequest body = request == null ? new CompleteRemediationRequest(null) : request;
        return dispatch.change(new CompleteRemediationCommand(incidentId, remediationId, body.note()), body,
                options);
    }

    public record ReopenRemediationRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    @PostMapping("/" + IncidentPaths.REMEDIATIONS + "/{remediationId}/reopen")
    @Operation(summary = "Reopen a completed or declined remediation so it can be decided again")
    public ResponseEntity<CommandAnswer> reopen(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                @PathVariable @Pattern(regexp = ID_PATTERN) String remediationId,
                                                @Valid @RequestBody ReopenRemediationRequest request,
                                                CommandOptions options) {
        return dispatch.change(new ReopenRemediationCommand(incidentId, remediationId, request.reason()), request,
                options);
    }

    public record LinkRecurrenceRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN) String ofIncidentId,
            @NotBlank @Pattern(regexp = ID_PATTERN) String remediationId,
            @Size(max = TEXT) String note) {
    }

    @PostMapping("/" + IncidentPaths.RECURRENCES)
    @CreatesEntry
    @Operation(summary = "Link this incident as a recurrence of an earlier one whose remediation was declined")
    public ResponseEntity<CommandAnswer> linkRecurrence(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                        @Valid @RequestBody LinkRecurrenceRequest request,
                                                        CommandOptions options) {
        var command = new LinkRecurrenceCommand(incidentId, UUID.randomUUID().toString(), request.ofIncidentId(),
                request.remediationId(), request.note());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.RECURRENCES, id));
    }
}
