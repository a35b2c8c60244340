package org.incidentlearning.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.security.IncidentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/imports", consumes = "application/json", produces = "application/json")
@Tag(name = "Imports")
public class ImportController {

    private final PostmortemImport postmortems;

    public ImportController(PostmortemImport postmortems) {
        this.postmortems = postmortems;
    }

    @PostMapping("/cloud-postmortems")
    @Operation(summary = "Import one file of the public cloud post-mortem data set (AWS, Azure, Google Cloud)",
            description = "The body is the whole content of one file: an object whose fields are records keyed by "
                          + "their source id. Each record becomes ordinary commands (declare or revise, timeline "
                          + "entries, a root-cause context, propagation linkages, classification, resolution), so "
                          + "the events are those of a team posting by hand. Importing a file again stores nothing "
                          + "new; a later write-up of an incident that exists revises it. The answer counts what "
                          + "happened to each record, notes per-record problems, and lists once per field what "
                          + "could not be mapped.")
    public ImportReport importCloudPostmortems(
            @RequestBody JsonNode file,
            @Parameter(description = "Record every incident in this team's name instead of the provider's")
            @RequestParam(required = false)
            @Pattern(regexp = "^\\S(.{0," + (FieldLimits.NAME - 2) + "}\\S)?$",
                    message = "must be 1 to " + FieldLimits.NAME + " characters without surrounding blanks")
            @Size(max = FieldLimits.NAME) String team,
            @AuthenticationPrincipal IncidentPrincipal admin) {
        return postmortems.importFile(file, team, admin.name());
    }
}
