package org.incidentlearning.command.artifact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.incidentlearning.command.web.CommandAnswer;
import org.incidentlearning.command.web.CommandDispatch;
import org.incidentlearning.command.web.CommandOptions;
import org.incidentlearning.command.web.CreatesEntry;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.PublishArtifactCommand;
import org.incidentlearning.kernel.artifact.RenderArtifactQuery;
import org.incidentlearning.kernel.artifact.RenderedArtifact;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.web.IncidentPaths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.incidentlearning.web.FieldLimits.ID_PATTERN;

/**
 * Publishing records what the views render at this moment. The rendering comes from the query side through Axon's
 * query bus, so a node that runs no views (a command-only node) cannot publish and says so.
 */
@RestController
@RequestMapping(path = IncidentPaths.INCIDENT + "/artifacts", consumes = "application/json",
        produces = "application/json")
@Tag(name = "Post-incident artifacts (commands)")
public class ArtifactPublishingController {

    private static final long RENDER_SECONDS = 30;

    private final CommandDispatch dispatch;
    private final QueryGateway queries;

    public ArtifactPublishingController(CommandDispatch dispatch, QueryGateway queries) {
        this.dispatch = dispatch;
        this.queries = queries;
    }

    public record PublishArtifactRequest(@NotBlank @Pattern(regexp = ID_PATTERN) String template,
                                         @NotNull Audience audience) {
    }

    @PostMapping
    @CreatesEntry
    @Operation(summary = "Publish an artifact: renders the template for the audience from the views now and records "
                         + "ArtifactPublished with the template's version, the incident's version and the content "
                         + "hash; publishing the same content again answers the first publication")
    public ResponseEntity<CommandAnswer> publish(@PathVariable @Pattern(regexp = ID_PATTERN) String incidentId,
                                                 @Valid @RequestBody PublishArtifactRequest request,
                                                 CommandOptions options) {
        RenderedArtifact rendered = render(new RenderArtifactQuery(incidentId, request.template(),
                request.audience()));
        var command = new PublishArtifactCommand(incidentId, UUID.randomUUID().toString(), rendered.templateId(),
                rendered.templateVersion(), rendered.audience(), rendered.contentHash(), rendered.incidentVersion(),
                rendered.renderedAsOf());
        return dispatch.create(command, request, options,
                id -> IncidentPaths.entry(incidentId, IncidentPaths.PUBLISHED_ARTIFACTS, id));
    }

    private RenderedArtifact render(RenderArtifactQuery query) {
        try {
            return queries.query(query, RenderedArtifact.class).get(RENDER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while rendering");
        } catch (TimeoutException e) {
            throw unavailable("Rendering took longer than " + RENDER_SECONDS + " s; retry shortly");
        } catch (ExecutionException | CompletionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IncidentRejection rejection) {
                    throw rejection;
                }
                if (cause instanceof NoHandlerForQueryException) {
                    throw unavailable("This node runs no views to render from; publish through a node that runs "
                                      + "both sides (incident-app)");
                }
            }
            throw new IllegalStateException("Rendering " + query + " failed", e);
        }
    }

    private static IncidentRejection unavailable(String message) {
        return new IncidentRejection(ErrorCode.RENDERING_UNAVAILABLE, message);
    }
}
