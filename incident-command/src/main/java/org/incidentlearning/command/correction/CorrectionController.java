package org.incidentlearning.command.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.command.web.CommandAnswer;
import org.incidentlearning.command.web.CommandDispatch;
import org.incidentlearning.command.web.CommandOptions;
import org.incidentlearning.kernel.correction.AmendEntryCommand;
import org.incidentlearning.kernel.correction.RetractEntryCommand;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENT + "/entries/{entryId}", consumes = "application/json",
        produces = "application/json")
@Tag(name = "Corrections (commands)")
public class CorrectionController {

    /** How many fields one amendment may change. */
    public static final int MAX_CHANGES = 10;

    private final CommandDispatch dispatch;

    public CorrectionController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record AmendEntryRequest(
            @NotEmpty @Size(max = MAX_CHANGES)
            Map<@NotBlank @Size(max = NAME) String, @NotBlank @Size(max = TEXT) String> changes,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @PostMapping("/amend")
    @Operation(summary = "Amend a recorded entry (timeline entry, mental model, divergence, context, coordination, "
                         + "linkage or remediation): new values for some fields, and why")
    public ResponseEntity<CommandAnswer> amend(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                               @PathVariable @Pattern(regexp = ID_PATTERN) String entryId,
                                               @Valid @RequestBody AmendEntryRequest request,
                                               CommandOptions options) {
        String subject = request.changes().get("subject");
        if (subject != null && subject.length() > NAME) {
            throw IncidentRejection.invalid("changes.subject: a subject is at most " + NAME
                                            + " characters, as when it was recorded");
        }
        return dispatch.change(new AmendEntryCommand(incidentId, entryId, request.changes(), request.reason()),
                request, options);
    }

    public record RetractEntryRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    @PostMapping("/retract")
    @Operation(summary = "Retract a recorded entry: it leaves the views and stays in the history")
    public ResponseEntity<CommandAnswer> retract(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                 @PathVariable @Pattern(regexp = ID_PATTERN) String entryId,
                                                 @Valid @RequestBody RetractEntryRequest request,
                                                 CommandOptions options) {
        return dispatch.change(new RetractEntryCommand(incidentId, entryId, request.reason()), request, options);
    }
}
