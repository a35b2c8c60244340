package org.incidentlearning.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** For operators: how far each projection has come on this node, and replays that rebuild them from the events. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projections (operators)")
public class ProjectionAdminController {

    /** What a projection's name looks like; the names are those of the event processors. */
    static final int NAME_LENGTH = FieldLimits.NAME;
    private static final String NAME = "[A-Za-z0-9._-]{1," + NAME_LENGTH + "}";
    static final String NAME_PATTERN = "^" + NAME + "$";
    private static final String PATH = "/api/admin/projections";

    private final Projections projections;

    public ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    @Operation(summary = "Every streaming projection on this node: segments, position against the event store's "
                         + "head, lag, and the last replay started here with its progress")
    public PageOf<ProjectionStatus> projections() {
        return page(projections.statuses());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One streaming projection on this node")
    public ProjectionStatus projection(@PathVariable @Pattern(regexp = NAME_PATTERN) String name) {
        return projections.status(name);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild one projection from the first event into fresh tables, in the background (202); "
                         + "reads go on being answered from the live views until the rebuilt ones are swapped in. "
                         + "409 while it replays")
    @ApiResponse(responseCode = "202", description = "The replay started; Location is where its progress is read",
            headers = @Header(name = "Location", required = true,
                    schema = @Schema(type = "string", format = "uri-reference",
                            pattern = "^" + PATH + "/" + NAME + "$")))
    public ResponseEntity<ProjectionStatus> replay(@PathVariable @Pattern(regexp = NAME_PATTERN) String name) {
        ProjectionStatus accepted = projections.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(PATH + "/" + name)).body(accepted);
    }

    @PostMapping("/replay")
    @Operation(summary = "Rebuild every projection from the first event into fresh tables, in the background (202); "
                         + "reads go on being answered from the live views until the rebuilt ones are swapped in. "
                         + "409 while any replays")
    @ApiResponse(responseCode = "202", description = "The replays started; Location is where their progress is read",
            headers = @Header(name = "Location", required = true,
                    schema = @Schema(type = "string", format = "uri-reference", allowableValues = PATH)))
    public ResponseEntity<PageOf<ProjectionStatus>> replayAll() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(PATH))
                .body(page(projections.replayAll()));
    }

    private static PageOf<ProjectionStatus> page(List<ProjectionStatus> all) {
        return new PageOf<>(all, 0, PageOf.MAX_SIZE, all.size());
    }
}
