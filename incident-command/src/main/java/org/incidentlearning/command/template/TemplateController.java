package org.incidentlearning.command.template;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.command.web.CommandAnswer;
import org.incidentlearning.command.web.CommandDispatch;
import org.incidentlearning.command.web.CommandOptions;
import org.incidentlearning.command.web.CreatesEntry;
import org.incidentlearning.command.web.DeclaresTeam;
import org.incidentlearning.kernel.artifact.Archetype;
import org.incidentlearning.kernel.artifact.ArtifactSection;
import org.incidentlearning.kernel.artifact.DefineTemplateCommand;
import org.incidentlearning.kernel.artifact.ReviseTemplateCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;
import static org.incidentlearning.web.FieldLimits.NAME;
import static org.incidentlearning.web.FieldLimits.TEXT;
import static org.incidentlearning.web.FieldLimits.TITLE;

@RestController
@RequestMapping(path = "/api/templates", consumes = "application/json", produces = "application/json")
@Tag(name = "Artifact templates (commands)")
public class TemplateController {

    /** Enough for every section and a meeting's worth of questions; more would not be read. */
    static final int MAX_PROMPTS = 50;
    /** More than there are sections: each appears once, and the template checks that. */
    static final int MAX_SECTIONS = 20;

    private final CommandDispatch dispatch;

    public TemplateController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    public record DefineTemplateRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN) String id,
            @NotBlank @Size(max = TITLE) String name,
            @NotNull Archetype archetype,
            @NotEmpty @Size(max = MAX_SECTIONS) List<@NotNull ArtifactSection> sections,
            @Size(max = MAX_PROMPTS) List<@NotBlank @Size(max = TEXT) String> prompts,
            @NotBlank @Size(max = NAME) String team) implements DeclaresTeam {
    }

    @PostMapping
    @CreatesEntry
    @Operation(summary = "Define a team's own template: archetype (RECORD_KEEPER, FACILITATOR, SIGNPOST), sections "
                         + "in order, prompts; it starts at version 1")
    public ResponseEntity<CommandAnswer> define(@Valid @RequestBody DefineTemplateRequest request,
                                                CommandOptions options) {
        var command = new DefineTemplateCommand(request.id(), request.name(), request.archetype(), request.sections(),
                request.prompts(), request.team());
        return dispatch.create(command, request, options, id -> URI.create("/api/templates/" + id));
    }

    public record ReviseTemplateRequest(
            @NotBlank @Size(max = TITLE) String name,
            @NotEmpty @Size(max = MAX_SECTIONS) List<@NotNull ArtifactSection> sections,
            @Size(max = MAX_PROMPTS) List<@NotBlank @Size(max = TEXT) String> prompts,
            @Size(max = TEXT) String reason) {
    }

    @PostMapping("/{templateId}/revisions")
    @Operation(summary = "Revise a team's template: the whole new version (name, sections, prompts); earlier "
                         + "versions stay readable and renderable")
    public ResponseEntity<CommandAnswer> revise(@PathVariable @Pattern(regexp = ID_PATTERN) String templateId,
                                                @Valid @RequestBody ReviseTemplateRequest request,
                                                CommandOptions options) {
        return dispatch.change(new ReviseTemplateCommand(templateId, request.name(), request.sections(),
                request.prompts(), request.reason()), request, options);
    }
}
