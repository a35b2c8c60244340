package org.incidentlearning.query.artifact;

import org.axonframework.queryhandling.QueryHandler;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.RenderArtifactQuery;
import org.incidentlearning.kernel.artifact.RenderedArtifact;
import org.incidentlearning.kernel.artifact.TemplateDefinition;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.IncidentsAsOf;
import org.incidentlearning.query.incident.ViewFreshness;
import org.incidentlearning.query.learning.LearningProjection;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Renders artifacts from the views. A current rendering reads the incident view; a past one (as of a moment, or a
 * published artifact's exact inputs) rebuilds the incident from its events with the same projection code, so an
 * auditor re-renders what was published byte for byte.
 */
@Component
public class Artifacts {

    private final IncidentViews views;
    private final IncidentsAsOf incidentsAsOf;
    private final ViewFreshness freshness;
    private final TemplateCatalog templates;
    private final Clock clock;

    public Artifacts(IncidentViews views, IncidentsAsOf incidentsAsOf, ViewFreshness freshness,
                     TemplateCatalog templates, Optional<Clock> clock) {
        this.views = views;
        this.incidentsAsOf = incidentsAsOf;
        this.freshness = freshness;
        this.templates = templates;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The artifact as the views show the incident now. */
    public RenderedDocument current(String incidentId, String templateId, Optional<Integer> templateVersion,
                                    Audience audience) {
        TemplateDefinition template = template(templateId, templateVersion);
        long stored = freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        freshness.awaitAll();
        Instant now = clock.instant();
        IncidentView view = views.complete(incidentId).filter(v -> v.version >= stored).orElseThrow(() ->
                new IncidentRejection(ErrorCode.VIEW_NOT_READY, "Incident " + incidentId + " has " + stored
                        + " stored events but its view is still being built; retry shortly"));
        return render(view, template, audience, now);
    }

    /** The artifact from the incident as it stood at {@code asOf}. */
    public RenderedDocument asOf(String incidentId, String templateId, Optional<Integer> templateVersion,
                                 Audience audience, Instant asOf) {
        TemplateDefinition template = template(templateId, templateVersion);
        IncidentView view = incidentsAsOf.asOf(incidentId, asOf).orElseThrow(() -> new IncidentRejection(
                ErrorCode.UNKNOWN_INCIDENT, "Incident " + incidentId + " had not been declared as of " + asOf));
        return render(view, template, audience, asOf);
    }

    /** A publication, and its artifact rendered again from exactly what it was rendered from. */
    public record Republished(IncidentView.PublishedArtifact publication, RenderedDocument rendered) {
    }

    /** A published artifact rendered again from exactly what it was rendered from. */
    public Republished published(String incidentId, String artifactId) {
        freshness.awaitIncident(incidentId).orElseThrow(() -> unknown(incidentId));
        IncidentView.PublishedArtifact artifact = views.artifacts(incidentId).stream()
                .flatMap(List::stream)
                .filter(a -> a.artifactId.equals(artifactId))
                .findFirst()
                .orElseThrow(() -> new IncidentRejection(ErrorCode.UNKNOWN_ENTRY, "Incident " + incidentId
                        + " has no published artifact " + artifactId));
        TemplateDefinition template = template(artifact.templateId, Optional.of(artifact.templateVersion));
        IncidentView view = incidentsAsOf.atVersion(incidentId, artifact.incidentVersion, artifact.renderedAsOf)
                .orElseThrow(() -> unknown(incidentId));
        return new Republished(artifact, render(view, template, artifact.audience, artifact.renderedAsOf));
    }

    /** What publishing records: the current rendering's inputs and hash. */
    @QueryHandler
    public RenderedArtifact handle(RenderArtifactQuery query) {
        RenderedDocument rendered = current(query.incidentId(), query.templateId(), Optional.empty(),
                query.audience());
        return new RenderedArtifact(query.incidentId(), rendered.template().templateId(),
                rendered.template().version(), query.audience(), rendered.incidentVersion(), rendered.renderedAsOf(),
                rendered.contentHash());
    }

    /** Waits for the template catalog like any view read, so a template defined a moment ago renders. */
    TemplateDefinition template(String templateId, Optional<Integer> version) {
        freshness.awaitAll(LearningProjection.PROCESSING_GROUP);
        return templates.find(templateId, version).orElseThrow(() -> new IncidentRejection(ErrorCode.UNKNOWN_TEMPLATE,
                "No template " + templateId + version.map(v -> " at version " + v).orElse("")
                + "; the built-in ones are record-keeper, facilitator and signpost"));
    }

    private static RenderedDocument render(IncidentView view, TemplateDefinition template, Audience audience,
                                           Instant renderedAsOf) {
        return new RenderedDocument(view.id, template, audience, view.version, renderedAsOf,
                ArtifactComposer.compose(view, template, audience));
    }

    private static IncidentRejection unknown(String incidentId) {
        return new IncidentRejection(ErrorCode.UNKNOWN_INCIDENT, "No incident with id " + incidentId);
    }
}
