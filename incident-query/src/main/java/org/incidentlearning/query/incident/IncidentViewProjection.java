package org.incidentlearning.query.incident;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.incidentlearning.kernel.artifact.ArtifactPublishedEvent;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.RecordedEntry;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.AnalysisReopenedEvent;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Turns an entry as the kernel defines it into the view's form of it: the same fields under the same names. */
    private static final ObjectMapper ENTRIES = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final IncidentViewStore views;

    IncidentViewProjection(IncidentViewStore views) {
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
        IncidentHeader header = new IncidentHeader(view, Map.of(), Map.of(), false);
        header.declared(event.teams(), sequence);
        views.declare(header);
    }

    @EventHandler
    void on(IncidentRevisedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, header -> {
            IncidentView view = header.view();
            if (event.title() != null) {
                view.title = event.title();
            }
            if (event.summary() != null) {
                view.summary = event.summary();
            }
            view.declaredTeams.addAll(event.addedTeams());
            header.declared(event.addedTeams(), sequence);
            view.components.addAll(event.addedComponents());
        });
        correction(event.incidentId(), sequence, recordedAt, event.incidentId(), null, "REVISED", revision(event),
                event.reason());
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

    /** Every kind of entry alike: its row, and the teams it makes take part. */
    @EventHandler
    void on(EntryRecorded event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        RecordedEntry recorded = event.entry();
        PartSection section = PartSection.of(recorded.entryKind());
        IncidentView.Entry entry = (IncidentView.Entry) ENTRIES.convertValue(recorded, section.type());
        entry.id = event.entryId();
        entry.recordedAt = recordedAt;
        if (entry instanceof IncidentView.Divergence divergence) {
            divergence.teams = divergence.mentalModelIds.stream()
                    .map(model -> views.part(event.incidentId(), PartSection.MENTAL_MODEL, model))
                    .flatMap(Optional::stream)
                    .map(model -> ((IncidentView.MentalModel) model.value()).team).distinct().toList();
        }
        boolean technical = entry instanceof IncidentView.Linkage linkage && linkage.kind == LinkageKind.TECHNICAL;
        change(event.incidentId(), recordedAt, sequence, header -> {
            entry.participants().forEach(team -> header.involve(team, sequence));
            if (technical) {
                header.technicalLinkageFound(entry.id, recordedAt);
            }
        });
        views.add(new IncidentPart(event.incidentId(), section, entry.id, sequence, sortAt(entry), recordedAt,
                entry));
        if (!technical) {
            views.addTeamEntries(entry.listedFor(List.of()).stream()
                    .map(team -> new TeamEntry(team, section, event.incidentId(), entry.id, recordedAt)).toList());
        }
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

    /**
     * A row on the recurring incident, and one on the earlier incident: the earlier incident's view shows the
     * recurrence through a row of its own, never by rewriting that incident's header or parts.
     */
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
        change(event.incidentId(), recordedAt, sequence, IncidentHeader::recurs);
        views.add(new IncidentPart(event.incidentId(), PartSection.RECURRENCE_OF, event.recurrenceId(), sequence,
                null, recordedAt, recurrence));
        views.add(new IncidentPart(event.ofIncidentId(), PartSection.RECURRED, event.recurrenceId(), sequence,
                null, recordedAt, recurrence));
    }

    @EventHandler
    void on(IncidentClassifiedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence,
                header -> header.view().classification = new ArrayList<>(event.labels()));
    }

    @EventHandler
    void on(ArtifactPublishedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        IncidentView.PublishedArtifact artifact = new IncidentView.PublishedArtifact();
        artifact.artifactId = event.artifactId();
        artifact.templateId = event.templateId();
        artifact.templateVersion = event.templateVersion();
        artifact.audience = event.audience();
        artifact.contentHash = event.contentHash();
        artifact.incidentVersion = event.incidentVersion();
        artifact.renderedAsOf = event.renderedAsOf();
        artifact.publishedAt = recordedAt;
        change(event.incidentId(), recordedAt, sequence, header -> { });
        views.add(new IncidentPart(event.incidentId(), PartSection.ARTIFACT, event.artifactId(), sequence, null,
                recordedAt, artifact));
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, header -> {
            header.view().status = IncidentStatus.RESOLVED;
            header.view().resolvedAt = event.resolvedAt() == null ? recordedAt : event.resolvedAt();
            header.view().resolution = event.resolution();
        });
    }

    @EventHandler
    void on(AnalysisClosedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, header -> {
            header.view().status = IncidentStatus.CLOSED;
            header.view().conclusion = event.conclusion();
        });
    }

    @EventHandler
    void on(AnalysisReopenedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        change(event.incidentId(), recordedAt, sequence, header -> {
            header.view().status = header.view().resolvedAt == null ? IncidentStatus.OPEN : IncidentStatus.RESOLVED;
            header.view().conclusion = null;
        });
    }

    @EventHandler
    void on(EntryAmendedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        PartSection section = PartSection.of(event.entryKind());
        views.part(event.incidentId(), section, event.entryId()).ifPresent(part -> {
            IncidentView.Entry entry = (IncidentView.Entry) part.value();
            entry.amend(event.entryKind(), event.changes());
            views.replace(part.withValue(entry, sortAt(entry)));
        });
        change(event.incidentId(), recordedAt, sequence, header -> { });
        correction(event.incidentId(), sequence, recordedAt, event.entryId(), event.entryKind(), "AMENDED",
                event.changes(), event.reason());
    }

    @EventHandler
    void on(EntryRetractedEvent event, @Timestamp Instant recordedAt, @SequenceNumber long sequence) {
        PartSection section = PartSection.of(event.entryKind());
        List<String> released = views.part(event.incidentId(), section, event.entryId())
                .map(part -> ((IncidentView.Entry) part.value()).participants()).orElse(List.of());
        views.remove(event.incidentId(), section, event.entryId());
        views.removeTeamEntries(event.incidentId(), section, event.entryId());
        change(event.incidentId(), recordedAt, sequence, header -> {
            released.forEach(header::release);
            header.technicalLinkageGone(event.entryId());
        });
        correction(event.incidentId(), sequence, recordedAt, event.entryId(), event.entryKind(), "RETRACTED", null,
                event.reason());
    }

    private void change(String incidentId, Instant recordedAt, long sequence, Consumer<IncidentHeader> change) {
        IncidentHeader header = views.header(incidentId).orElseThrow(() -> new IllegalStateException(
                "Incident view " + incidentId + " is missing; the projection must be replayed"));
        List<TeamEntry> before = technicalLinkageEntries(header);
        change.accept(header);
        header.view().version = sequence + 1;
        header.view().updatedAt = recordedAt;
        views.changed(header);
        List<TeamEntry> after = technicalLinkageEntries(header);
        if (!after.equals(before)) {
            views.addTeamEntries(after.stream().filter(entry -> !before.contains(entry)).toList());
            views.removeTeamEntries(before.stream().filter(entry -> !after.contains(entry)).toList());
        }
    }

    /**
     * Every team of the incident lists each technical linkage found in it, whenever the team joined: kept as the
     * teams change, where every other entry's teams are fixed when it is recorded.
     */
    private static List<TeamEntry> technicalLinkageEntries(IncidentHeader header) {
        List<TeamEntry> entries = new ArrayList<>();
        header.technicalLinkages().forEach((linkage, recordedAt) -> header.teams().forEach(team -> entries.add(
                new TeamEntry(team, PartSection.LINKAGE, header.view().id, linkage, recordedAt))));
        return entries;
    }

    private void changeRemediation(String incidentId, String remediationId, Instant recordedAt, long sequence,
                                   Consumer<IncidentView.Remediation> change) {
        views.part(incidentId, PartSection.REMEDIATION, remediationId).ifPresent(part -> {
            IncidentView.Remediation remediation = (IncidentView.Remediation) part.value();
            change.accept(remediation);
            views.replace(part);
            views.remediationState(incidentId, remediationId, remediation.state);
        });
        change(incidentId, recordedAt, sequence, header -> { });
    }

    /** A revision of the incident (the entry is then the incident itself), or an amendment or a retraction. */
    private void correction(String incidentId, long sequence, Instant recordedAt, String entryId, EntryKind kind,
                            String action, Map<String, String> changes, String reason) {
        IncidentView.Correction correction = new IncidentView.Correction();
        correction.entryId = entryId;
        correction.entryKind = kind;
        correction.action = action;
        correction.changes = changes;
        correction.reason = reason;
        correction.at = recordedAt;
        views.add(new IncidentPart(incidentId, PartSection.CORRECTION, Long.toString(sequence), sequence, null,
                recordedAt, correction));
    }

    /** The timeline is ordered by when things happened; every other section as recorded. */
    private static Instant sortAt(IncidentView.Entry entry) {
        return entry instanceof IncidentView.TimelineEntry timeline ? timeline.occurredAt : null;
    }
}
