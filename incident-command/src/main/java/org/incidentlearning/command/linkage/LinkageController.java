package org.incidentlearning.command.linkage;

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
import org.incidentlearning.kernel.linkage.DiscoverLinkageCommand;
import org.incidentlearning.kernel.linkage.LinkageKind;
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
@Tag(name = "Linkages (commands)")
public class LinkageController {

    private final CommandDispatch dispatch;

    public LinkageController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record DiscoverLinkageRequest(
            @NotNull LinkageKind kind,
            @NotBlank @Size(max = NAME) String from,
            @NotBlank @Size(max = NAME) String to,
            @NotBlank @Size(max = TEXT) String description,
            @Size(max = TEXT) String condition,
            Boolean believedAbsent) {
    }

    @PostMapping("/" + IncidentPaths.LINKAGES)
    @CreatesEntry
    @Operation(summary = "Record a link the incident revealed: between components (TECHNICAL) or teams (SOCIAL)")
    public ResponseEntity<CommandAnswer> discoverLinkage(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody DiscoverLinkageRequest request, CommandOptions options) {
        var command = new DiscoverLinkageCommand(incidentId, UUID.randomUUID().toString(), request.kind(),
                request.from(), request.to(), request.description(), request.condition(),
                Boolean.TRUE.equals(request.believedAbsent()));
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.LINKAGES, id));
    }
}
