package org.incidentlearning.command.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.incidentlearning.command.web.CommandAnswer;
import org.incidentlearning.command.web.CommandDispatch;
import org.incidentlearning.command.web.CommandOptions;
import org.incidentlearning.command.web.CreatesEntry;
import org.incidentlearning.command.web.InvolvesTeams;
import org.incidentlearning.kernel.incident.ClassifyIncidentCommand;
import org.incidentlearning.kernel.incident.CloseAnalysisCommand;
import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.ReopenAnalysisCommand;
import org.incidentlearning.kernel.incident.ResolveIncidentCommand;
import org.incidentlearning.kernel.incident.ReviseIncidentCommand;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.incident.SourceIds;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.LIST;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;
import static org.incidentlearning.web.FieldLimits.TITLE;

@RestController
@RequestMapping(path = IncidentPaths.INCIDENTS, consumes = "application/json", produces = "application/json")
@Tag(name = "Incidents (commands)")
public class IncidentCommandController {

    private final CommandDispatch dispatch;

    public IncidentCommandController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record DeclareIncidentRequest(
            @NotBlank @Size(max = TITLE) String title,
            @NotNull Severity severity,
            @NotNull OffsetDateTime startedAt,
            @Size(max = TEXT) String summary,
            OffsetDateTime detectedAt,
            @NotEmpty @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> teams,
            @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> components,
            @Size(max = NAME) @Pattern(regexp = "^\\S.*$", message = "must not start with a blank") String sourceId,
            @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> impact,
            @PositiveOrZero Integer durationMinutes,
            @Size(max = LIST) List<@NotBlank @Size(max = TEXT) String> references) implements InvolvesTeams {
    }

    @PostMapping
    @CreatesEntry
    @Operation(summary = "Declare an incident: what happened, when it started, which teams and components. With a "
                         + "sourceId (an import from another system) the id is derived from it, and declaring the "
                         + "same source again with the same content is a no-op")
    public ResponseEntity<CommandAnswer> declare(@Valid @RequestBody DeclareIncidentRequest request,
                                                 CommandOptions options) {
        String incidentId = request.sourceId() == null
                ? UUID.randomUUID().toString() : SourceIds.incidentIdFor(request.sourceId());
        var command = new DeclareIncidentCommand(incidentId, request.title(), request.severity(),
                request.startedAt().toInstant(),
                request.detectedAt() == null ? null : request.detectedAt().toInstant(), request.summary(),
                distinct(request.teams()), request.components() == null ? List.of() : distinct(request.components()),
                request.sourceId(), request.impact(), request.durationMinutes(), request.references());
        return dispatch.create(command, request, options, IncidentPaths::incident);
    }

    public record ReviseIncidentRequest(
            @Size(max = TITLE) String title,
            @Size(max = TEXT) String summary,
            @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> addTeams,
            @Size(max = LIST) List<@NotBlank @Size(max = NAME) String> addComponents,
            @NotBlank @Size(max = TEXT) String reason) {
    }

    @PostMapping("/{incidentId}/revise")
    @Operation(summary = "A later account of the incident: new title or summary, more teams or components")
    public ResponseEntity<CommandAnswer> revise(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                @Valid @RequestBody ReviseIncidentRequest request,
                                                CommandOptions options) {
        return dispatch.change(new ReviseIncidentCommand(incidentId, request.title(), request.summary(),
                request.addTeams(), request.addComponents(), request.reason()), request, options);
    }

    public record ClassifyIncidentRequest(
            @NotEmpty @Size(max = LIST) Set<@NotBlank @Size(max = NAME) String> labels) {
    }

    @PostMapping("/{incidentId}/classify")
    @Operation(summary = "Classify the incident into buckets for trend analysis (replaces the previous labels)")
    public ResponseEntity<CommandAnswer> classify(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                  @Valid @RequestBody ClassifyIncidentRequest request,
                                                  CommandOptions options) {
        return dispatch.change(new ClassifyIncidentCommand(incidentId, request.labels()), request, options);
    }

    public record ResolveIncidentRequest(OffsetDateTime resolvedAt, @Size(max = TEXT) String resolution) {
    }

    @PostMapping("/{incidentId}/resolve")
    @Operation(summary = "The incident's impact ended (without resolvedAt: as it is recorded); the analysis goes on")
    public ResponseEntity<CommandAnswer> resolve(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                 @Valid @RequestBody(required = false) ResolveIncidentRequest request,
                                                 CommandOptions options) {
        ResolveIncidentRequest body = request == null ? new ResolveIncidentRequest(null, null) : request;
        var resolvedAt = body.resolvedAt() == null ? null : body.resolvedAt().toInstant();
        return dispatch.change(new ResolveIncidentCommand(incidentId, resolvedAt, body.resolution()), body,
                options);
    }

    public record CloseAnalysisRequest(@Size(max = TEXT) String conclusion) {
    }

    @PostMapping("/{incidentId}/close-analysis")
    @Operation(summary = "End the analysis; nothing more is recorded until it is reopened")
    public ResponseEntity<CommandAnswer> closeAnalysis(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody(required = false) CloseAnalysisRequest request, CommandOptions options) {
        CloseAnalysisRequest body = request == null ? new CloseAnalysisRequest(null) : request;
        return dispatch.change(new CloseAnalysisCommand(incidentId, body.conclusion()), body, options);
    }

    public record ReopenAnalysisRequest(@NotBlank @Size(max = TEXT) String reason) {
    }

    @PostMapping("/{incidentId}/reopen-analysis")
    @Operation(summary = "Reopen a closed analysis, saying why")
    public ResponseEntity<CommandAnswer> reopenAnalysis(
            @PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
            @Valid @RequestBody ReopenAnalysisRequest request, CommandOptions options) {
        return dispatch.change(new ReopenAnalysisCommand(incidentId, request.reason()), request, options);
    }

    private static List<String> distinct(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
