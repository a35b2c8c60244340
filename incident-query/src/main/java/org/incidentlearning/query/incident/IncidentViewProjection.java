package org.incidentlearning.query.incident;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.incidentlearning.kernel.artifact.ArtifactPublishedEvent;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.AnalysisReopenedEvent;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.CoordinationRecordedEvent;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the incident view from the events. Times come from the events (when it happened) and their timestamps
 * (when it was recorded), never from the clock, so a rebuild gives the same documents.
 */
@Component
@ProcessingGroup(IncidentViewProjection.PROCESSING_GROUP)
public class IncidentViewProjection {

    public static final String PROCESSING_GROUP = "incident-views";

    private static final Comparator<IncidentView.TimelineEntry> BY_OCCURRENCE =
            Comparator.comparing((IncidentView.TimelineEntry e) -> e.occurredAt)
                    .thenComparing(e -> e.recordedAt);

    private final IncidentViewStore views;

    public IncidentViewProjection(IncidentViewStore views) {
        this.views = views;
    }

    @EventHandler
    void on(IncidentDeclaredEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        IncidentView view = new IncidentView();
        view.id = event.incidentId();
        view.title = event.title();
        view.severity = event.severity();
        view.status = IncidentStatus.OPEN;
        view.summary = event.summary();
        view.startedAt = event.startedAt();
        view.detectedAt = event.detectedAt();
        view.declaredTeams = new ArrayList<>(event.teams());
        view.components = new ArrayList<>(event.components());
        view.sourceId = event.sourceId();
        view.impact = new ArrayList<>(event.impact());
        view.durationMinutes = event.durationMinutes();
        view.references = new ArrayList<>(event.references());
        view.declaredAt = recordedAt;
        view.updatedAt = recordedAt;
        view.version = sequence + 1;
        views.insert(view);
    }

    @EventHandler
    void on(IncidentRevisedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            if (event.title() != null) {
                view.title = event.title();
            }
            if (event.summary() != null) {
                view.summary = event.summary();
            }
            view.declaredTeams.addAll(event.addedTeams());
            view.components.addAll(event.addedComponents());
            view.corrections.add(correction(view.id, null, "REVISED", revision(event), event.reason(), recordedAt));
        });
    }

    private static Map<String, String> revision(IncidentRevisedEvent event) {
        Map<String, String> changes = new TreeMap<>();
        if (event.title() != null) {
            changes.put("title", event.title());
        }
        if (event.summary() != null) {
            changes.put("summary", event.summary());
        }
        if (!event.addedTeams().isEmpty()) {
            changes.put("addedTeams", String.join(", ", event.addedTeams()));
        }
        if (!event.addedComponents().isEmpty()) {
            changes.put("addedComponents", String.join(", ", event.addedComponents()));
        }
        return changes;
    }

    @EventHandler
    void on(TimelineEntryRecordedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.TimelineEntry entry = new IncidentView.TimelineEntry();
            entry.id = event.entryId();
            entry.recordedAt = recordedAt;
            entry.occurredAt = event.occurredAt();
            entry.team = event.team();
            entry.kind = event.kind().name();
            entry.text = event.text();
            view.timeline.add(entry);
            view.timeline.sort(BY_OCCURRENCE);
        });
    }

    @EventHandler
    void on(MentalModelRecordedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.MentalModel model = new IncidentView.MentalModel();
            model.id = event.mentalModelId();
            model.recordedAt = recordedAt;
            model.team = event.team();
            model.subject = event.subject();
            model.belief = event.belief();
            model.heldAt = event.heldAt();
            view.mentalModels.add(model);
        });
    }

    @EventHandler
    void on(DivergenceNotedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.Divergence divergence = new IncidentView.Divergence();
            divergence.id = event.divergenceId();
            divergence.recordedAt = recordedAt;
            divergence.mentalModelIds = new ArrayList<>(event.mentalModelIds());
            divergence.teams = view.mentalModels.stream()
                    .filter(model -> event.mentalModelIds().contains(model.id))
                    .map(model -> model.team).distinct().toList();
            divergence.description = event.description();
            divergence.effect = event.effect();
            view.divergences.add(divergence);
        });
    }

    @EventHandler
    void on(ContextRecordedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.Context context = new IncidentView.Context();
            context.id = event.contextId();
            context.recordedAt = recordedAt;
            context.team = event.team();
            context.kind = event.kind().name();
            context.description = event.description();
            view.contexts.add(context);
        });
    }

    @EventHandler
    void on(CoordinationRecordedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.Coordination coordination = new IncidentView.Coordination();
            coordination.id = event.coordinationId();
            coordination.recordedAt = recordedAt;
            coordination.team = event.team();
            coordination.kind = event.kind().name();
            coordination.withTeams = new ArrayList<>(event.withTeams());
            coordination.description = event.description();
            coordination.occurredAt = event.occurredAt();
            view.coordinations.add(coordination);
        });
    }

    @EventHandler
    void on(LinkageDiscoveredEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.Linkage linkage = new IncidentView.Linkage();
            linkage.id = event.linkageId();
            linkage.recordedAt = recordedAt;
            linkage.kind = event.kind();
            linkage.from = event.from();
            linkage.to = event.to();
            linkage.description = event.description();
            linkage.condition = event.condition();
            linkage.believedAbsent = event.believedAbsent();
            view.linkages.add(linkage);
        });
    }

    @EventHandler
    void on(RemediationProposedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.Remediation remediation = new IncidentView.Remediation();
            remediation.id = event.remediationId();
            remediation.recordedAt = recordedAt;
            remediation.team = event.team();
            remediation.description = event.description();
            remediation.state = RemediationState.PROPOSED;
            view.remediations.add(remediation);
        });
    }

    @EventHandler
    void on(RemediationPrioritizedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        changeRemediation(event.incidentId(), event.remediationId(), recordedAt, sequence, remediation -> {
            remediation.state = RemediationState.PRIORITIZED;
            remediation.priority = event.priority();
            remediation.priorityRationale = event.rationale();
            remediation.dueBy = event.dueBy();
        });
    }

    @EventHandler
    void on(RemediationCompletedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        changeRemediation(event.incidentId(), event.remediationId(), recordedAt, sequence, remediation -> {
            remediation.state = RemediationState.COMPLETED;
            remediation.completionNote = event.note();
            remediation.completedAt = recordedAt;
        });
    }

    @EventHandler
    void on(RemediationDeclinedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        changeRemediation(event.incidentId(), event.remediationId(), recordedAt, sequence, remediation -> {
            remediation.state = RemediationState.DECLINED;
            remediation.rationale = event.rationale();
            remediation.acceptedRisk = event.acceptedRisk();
            remediation.revisitBy = event.revisitBy();
            remediation.declinedAt = recordedAt;
        });
    }

    @EventHandler
    void on(RemediationReopenedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        changeRemediation(event.incidentId(), event.remediationId(), recordedAt, sequence, remediation -> {
            remediation.state = RemediationState.PROPOSED;
            remediation.priority = null;
            remediation.priorityRationale = null;
            remediation.dueBy = null;
            remediation.completionNote = null;
            remediation.completedAt = null;
            remediation.rationale = null;
            remediation.acceptedRisk = null;
            remediation.revisitBy = null;
            remediation.declinedAt = null;
        });
    }

    @EventHandler
    void on(RecurrenceLinkedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        IncidentView.Recurrence recurrence = new IncidentView.Recurrence();
        recurrence.recurrenceId = event.recurrenceId();
        recurrence.incidentId = event.incidentId();
        recurrence.ofIncidentId = event.ofIncidentId();
        recurrence.remediationId = event.remediationId();
        recurrence.decidingTeam = event.decidingTeam();
        recurrence.note = event.note();
        recurrence.linkedAt = recordedAt;
        change(event.incidentId(), recordedAt, sequence, view -> view.recurrenceOf.add(recurrence));
        // The earlier incident's view shows it through its own rows, never by rewriting that incident's document.
        views.addRecurrence(recurrence);
    }

    @EventHandler
    void on(IncidentClassifiedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> view.classification = new ArrayList<>(event.labels()));
    }

    @EventHandler
    void on(ArtifactPublishedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            IncidentView.PublishedArtifact artifact = new IncidentView.PublishedArtifact();
            artifact.artifactId = event.artifactId();
            artifact.templateId = event.templateId();
            artifact.templateVersion = event.templateVersion();
            artifact.audience = event.audience();
            artifact.contentHash = event.contentHash();
            artifact.incidentVersion = event.incidentVersion();
            artifact.renderedAsOf = event.renderedAsOf();
            artifact.publishedAt = recordedAt;
            view.artifacts.add(artifact);
        });
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            view.status = IncidentStatus.RESOLVED;
            view.resolvedAt = event.resolvedAt() == null ? recordedAt : event.resolvedAt();
            view.resolution = event.resolution();
        });
    }

    @EventHandler
    void on(AnalysisClosedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            view.status = IncidentStatus.CLOSED;
            view.conclusion = event.conclusion();
        });
    }

    @EventHandler
    void on(AnalysisReopenedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            view.status = view.resolvedAt == null ? IncidentStatus.OPEN : IncidentStatus.RESOLVED;
            view.conclusion = null;
        });
    }

    @EventHandler
    void on(EntryAmendedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            view.entriesOf(event.entryKind()).stream().filter(entry -> entry.id.equals(event.entryId())).findFirst()
                    .ifPresent(entry -> entry.amend(event.entryKind(), event.changes()));
            view.timeline.sort(BY_OCCURRENCE);
            view.corrections.add(correction(event.entryId(), event.entryKind(), "AMENDED", event.changes(),
                    event.reason(), recordedAt));
        });
    }

    @EventHandler
    void on(EntryRetractedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, view -> {
            view.entriesOf(event.entryKind()).removeIf(entry -> entry.id.equals(event.entryId()));
            view.corrections.add(correction(event.entryId(), event.entryKind(), "RETRACTED", null, event.reason(),
                    recordedAt));
        });
    }

    /** A replay starts from nothing. */
    @ResetHandler
    void reset() {
        views.deleteAll();
    }

    private void change(String incidentId, Instant recordedAt, long sequence, Consumer<IncidentView> change) {
        IncidentView view = views.find(incidentId).orElseThrow(() -> new IllegalStateException(
                "Incident view " + incidentId + " is missing; the projection must be replayed"));
        List<String> teams = List.copyOf(view.teams);
        List<String> components = List.copyOf(view.components);
        change.accept(view);
        view.version = sequence + 1;
        view.updatedAt = recordedAt;
        views.update(view, teams, components);
    }

    private void changeRemediation(String incidentId, String remediationId, Instant recordedAt, long sequence,
                                   Consumer<IncidentView.Remediation> change) {
        change(incidentId, recordedAt, sequence, view -> view.remediations.stream()
                .filter(remediation -> remediation.id.equals(remediationId)).findFirst().ifPresent(change));
    }

    private static IncidentView.Correction correction(String entryId, EntryKind kind, String action,
                                                      Map<String, String> changes, String reason,
                                                      Instant at) {
        IncidentView.Correction correction = new IncidentView.Correction();
        correction.entryId = entryId;
        correction.entryKind = kind;
        correction.action = action;
        correction.changes = changes;
        correction.reason = reason;
        correction.at = at;
        return correction;
    }
}
