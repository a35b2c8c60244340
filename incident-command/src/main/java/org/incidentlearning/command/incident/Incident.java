package org.incidentlearning.command.incident;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentlearning.command.remediation.Remediation;
import org.incidentlearning.kernel.artifact.ArtifactPublishedEvent;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.PublishArtifactCommand;
import org.incidentlearning.kernel.context.ContextRecordedEvent;
import org.incidentlearning.kernel.context.RecordContextCommand;
import org.incidentlearning.kernel.correction.AmendEntryCommand;
import org.incidentlearning.kernel.correction.EntryAmendedEvent;
import org.incidentlearning.kernel.correction.EntryRetractedEvent;
import org.incidentlearning.kernel.correction.RetractEntryCommand;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.entry.EntryRecorded;
import org.incidentlearning.kernel.entry.MentalModel;
import org.incidentlearning.kernel.entry.RecordedEntry;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.incident.AnalysisClosedEvent;
import org.incidentlearning.kernel.incident.AnalysisReopenedEvent;
import org.incidentlearning.kernel.incident.ClassifyIncidentCommand;
import org.incidentlearning.kernel.incident.CloseAnalysisCommand;
import org.incidentlearning.kernel.incident.CommandMetadata;
import org.incidentlearning.kernel.incident.CommandResult;
import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.IncidentClassifiedEvent;
import org.incidentlearning.kernel.incident.IncidentDeclaredEvent;
import org.incidentlearning.kernel.incident.IncidentResolvedEvent;
import org.incidentlearning.kernel.incident.IncidentRevisedEvent;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.ReopenAnalysisCommand;
import org.incidentlearning.kernel.incident.ResolveIncidentCommand;
import org.incidentlearning.kernel.incident.ReviseIncidentCommand;
import org.incidentlearning.kernel.linkage.DiscoverLinkageCommand;
import org.incidentlearning.kernel.linkage.LinkageDiscoveredEvent;
import org.incidentlearning.kernel.mentalmodel.DivergenceNotedEvent;
import org.incidentlearning.kernel.mentalmodel.MentalModelRecordedEvent;
import org.incidentlearning.kernel.mentalmodel.NoteDivergenceCommand;
import org.incidentlearning.kernel.mentalmodel.RecordMentalModelCommand;
import org.incidentlearning.kernel.remediation.CompleteRemediationCommand;
import org.incidentlearning.kernel.remediation.DecideNotToRemediateCommand;
import org.incidentlearning.kernel.remediation.LinkRecurrenceCommand;
import org.incidentlearning.kernel.remediation.PrioritizeRemediationCommand;
import org.incidentlearning.kernel.remediation.ProposeRemediationCommand;
import org.incidentlearning.kernel.remediation.RecurrenceLinkedEvent;
import org.incidentlearning.kernel.remediation.RemediationCompletedEvent;
import org.incidentlearning.kernel.remediation.RemediationDeclinedEvent;
import org.incidentlearning.kernel.remediation.RemediationPrioritizedEvent;
import org.incidentlearning.kernel.remediation.RemediationProposedEvent;
import org.incidentlearning.kernel.remediation.RemediationReopenedEvent;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.remediation.ReopenRemediationCommand;
import org.incidentlearning.kernel.timeline.CoordinationRecordedEvent;
import org.incidentlearning.kernel.timeline.RecordCoordinationCommand;
import org.incidentlearning.kernel.timeline.RecordTimelineEntryCommand;
import org.incidentlearning.kernel.timeline.TimelineEntryRecordedEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An incident and everything teams learned from it. It decides whether a command is allowed and which events it
 * produces; the event-sourcing handlers at the bottom only apply state.
 */
@Aggregate(cache = "recentIncidents")
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    private IncidentDeclaredEvent declaration;
    private String title;
    private String summary;
    private final Set<String> teams = new HashSet<>();
    private final Set<String> components = new HashSet<>();
    private Instant startedAt;
    private IncidentStatus status;
    private boolean resolved;
    private Instant resolvedAt;
    private String resolution;
    private String conclusion;
    private List<String> classification = List.of();
    private final Map<String, RecordedEntry> entries = new HashMap<>();
    private final Map<RecordedEntry, String> entryByContent = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> retracted = new HashSet<>();
    private final Map<String, String> lastAmendment = new HashMap<>();
    private final Map<String, List<String>> divergenceModels = new HashMap<>();
    private final Map<String, Remediation> remediations = new HashMap<>();
    private final Map<String, String> recurrenceByTarget = new HashMap<>();
    /** Artifact ids by what was published (template, audience, content hash). */
    private final Map<String, String> publishedArtifacts = new HashMap<>();

    protected Incident() {
        // Axon creates the incident (CREATE_IF_MISSING) or rebuilds it from its events.
    }

    /**
     * Declaring an incident that exists is a no-op when it says the same (an import run twice), and a conflict when
     * it says something else: a later account of the incident is a revision.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandResult handle(DeclareIncidentCommand command) {
        IncidentDeclaredEvent declared = new IncidentDeclaredEvent(command.incidentId(), command.title(),
                command.severity(), command.startedAt(), command.detectedAt(), command.summary(), command.teams(),
                command.components(), command.sourceId(), command.impact(), command.durationMinutes(),
                command.references());
        if (declaration != null) {
            if (declaration.equals(declared)) {
                return unchanged(incidentId);
            }
            throw new IncidentRejection(ErrorCode.INCIDENT_STATE_CONFLICT, "Incident " + incidentId
                    + " was already declared with other content; revise it instead");
        }
        if (command.detectedAt() != null && command.detectedAt().isBefore(command.startedAt())) {
            throw IncidentRejection.invalid("detectedAt must not be before startedAt");
        }
        apply(declared);
        return changed(command.incidentId());
    }

    @CommandHandler
    public CommandResult handle(ReviseIncidentCommand command) {
        ensureOpenForRecording();
        String newTitle = command.title() == null || command.title().equals(title) ? null : command.title();
        String newSummary = command.summary() == null || command.summary().equals(summary) ? null : command.summary();
        List<String> newTeams = command.addTeams().stream().filter(team -> !teams.contains(team)).distinct().toList();
        List<String> newComponents = command.addComponents().stream()
                .filter(component -> !components.contains(component)).distinct().toList();
        if (newTitle == null && newSummary == null && newTeams.isEmpty() && newComponents.isEmpty()) {
            return unchanged(incidentId);
        }
        apply(new IncidentRevisedEvent(incidentId, newTitle, newSummary, newTeams, newComponents, command.reason()));
        return changed(incidentId);
    }

    /**
     * Before any handler: a principal writing as a team acts only where its team may, and a client that sent
     * {@code If-Match} gets a conflict, with nothing stored, when the incident moved on.
     */
    @CommandHandlerInterceptor
    public Object checkRequest(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (declaration != null && command.getMetaData().get(CommandMetadata.ACTING_TEAM) instanceof String team) {
            ensureTeamMayAct(team, command.getPayload());
        }
        ensureVersion(command.getMetaData().get(CommandMetadata.EXPECTED_VERSION));
        return chain.proceed();
    }

    /**
     * A team acts on its own entries and remediations only, records in its own name only, and otherwise (a
     * divergence, a linkage, a classification, a resolution…) only on incidents it is involved in.
     */
    public void ensureTeamMayAct(String team, Object command) {
        String named = teamNamedBy(command);
        if (named != null && !named.equals(team)) {
            throw notYourTeam("Team '" + team + "' records in its own name only, not in the name of team '"
                    + named + "'");
        }
        RecordedEntry target = entries.get(entryTargetedBy(command));
        String owner = target == null ? null : target.team();
        if (owner != null) {
            if (!owner.equals(team)) {
                throw notYourTeam("Entry " + entryTargetedBy(command) + " of incident " + incidentId
                        + " belongs to team '" + owner + "'; team '" + team + "' may not change it");
            }
        } else if (named == null && !involvedTeams().contains(team)) {
            throw notYourTeam("Team '" + team + "' is not involved in incident " + incidentId + "; it may record "
                    + "entries in its own name, and act on the incident once involved");
        }
    }

    private static String teamNamedBy(Object command) {
        return command instanceof RecordsEntry recording ? recording.entry().team() : null;
    }

    private static String entryTargetedBy(Object command) {
        return command instanceof TargetsEntry targeting ? targeting.targetEntryId() : "";
    }

    /** The declared teams and every team that recorded something here. */
    private Set<String> involvedTeams() {
        Set<String> involved = new HashSet<>(teams);
        entries.values().stream().map(RecordedEntry::team).filter(Objects::nonNull).forEach(involved::add);
        return involved;
    }

    private static IncidentRejection notYourTeam(String message) {
        return new IncidentRejection(ErrorCode.NOT_YOUR_TEAM, message);
    }

    public void ensureVersion(Object expected) {
        if (expected instanceof Number expectedVersion && expectedVersion.longValue() != version()) {
            throw new IncidentRejection(ErrorCode.STALE_VERSION, "Incident " + incidentId + " is at version "
                    + version() + ", not " + expectedVersion + "; read it again and retry");
        }
    }

    @CommandHandler
    public CommandResult handle(RecordTimelineEntryCommand command) {
        return record(command, () -> apply(new TimelineEntryRecordedEvent(incidentId, command.entryId(), command.occurredAt(),
                        command.team(), command.kind(), command.text())));
    }

    @CommandHandler
    public CommandResult handle(RecordMentalModelCommand command) {
        return record(command, () -> apply(new MentalModelRecordedEvent(incidentId, command.mentalModelId(), command.team(),
                        command.subject(), command.belief(), command.heldAt())));
    }

    @CommandHandler
    public CommandResult handle(NoteDivergenceCommand command) {
        for (String mentalModelId : command.mentalModelIds()) {
            if (!(entries.get(mentalModelId) instanceof MentalModel)) {
                throw new IncidentRejection(ErrorCode.UNKNOWN_MENTAL_MODEL,
                        "Incident " + incidentId + " has no mental model " + mentalModelId);
            }
        }
        return record(command, () -> apply(new DivergenceNotedEvent(incidentId, command.divergenceId(), command.mentalModelIds(),
                        command.description(), command.effect())));
    }

    @CommandHandler
    public CommandResult handle(RecordContextCommand command) {
        return record(command, () -> apply(new ContextRecordedEvent(incidentId, command.contextId(), command.team(), command.kind(),
                        command.description())));
    }

    @CommandHandler
    public CommandResult handle(RecordCoordinationCommand command) {
        return record(command, () -> apply(new CoordinationRecordedEvent(incidentId, command.coordinationId(), command.team(),
                        command.kind(), command.withTeams(), command.description(), command.occurredAt())));
    }

    @CommandHandler
    public CommandResult handle(DiscoverLinkageCommand command) {
        if (command.from().equals(command.to())) {
            throw IncidentRejection.invalid("A linkage joins two different ends: from and to are both '"
                    + command.from() + "'");
        }
        return record(command, () -> apply(new LinkageDiscoveredEvent(incidentId, command.linkageId(), command.kind(),
                        command.from(), command.to(), command.description(), command.condition(),
                        command.believedAbsent())));
    }

    @CommandHandler
    public CommandResult handle(ProposeRemediationCommand command) {
        return record(command, () -> apply(new RemediationProposedEvent(incidentId, command.remediationId(), command.team(),
                        command.description())));
    }

    @CommandHandler
    public CommandResult handle(PrioritizeRemediationCommand command) {
        ensureOpenForRecording();
        Remediation remediation = remediation(command.remediationId());
        if (remediation.checkPrioritize(command.priority(), command.rationale(), command.dueBy())) {
            apply(new RemediationPrioritizedEvent(incidentId, command.remediationId(), command.priority(),
                    command.rationale(), command.dueBy()));
            return changed(command.remediationId());
        }
        return unchanged(command.remediationId());
    }

    @CommandHandler
    public CommandResult handle(CompleteRemediationCommand command) {
        ensureOpenForRecording();
        if (remediation(command.remediationId()).checkComplete(command.note())) {
            apply(new RemediationCompletedEvent(incidentId, command.remediationId(), command.note()));
            return changed(command.remediationId());
        }
        return unchanged(command.remediationId());
    }

    @CommandHandler
    public CommandResult handle(DecideNotToRemediateCommand command) {
        ensureOpenForRecording();
        Remediation remediation = remediation(command.remediationId());
        if (remediation.checkDecline(command.rationale(), command.acceptedRisk(), command.revisitBy())) {
            apply(new RemediationDeclinedEvent(incidentId, command.remediationId(), remediation.team(),
                    command.rationale(), command.acceptedRisk(), command.revisitBy()));
            return changed(command.remediationId());
        }
        return unchanged(command.remediationId());
    }

    @CommandHandler
    public CommandResult handle(ReopenRemediationCommand command) {
        ensureOpenForRecording();
        if (remediation(command.remediationId()).checkReopen()) {
            apply(new RemediationReopenedEvent(incidentId, command.remediationId(), command.reason()));
            return changed(command.remediationId());
        }
        return unchanged(command.remediationId());
    }

    /**
     * Called by the recurrence handler once it has loaded the earlier incident: the facts about that incident come
     * in as arguments, so this aggregate decides only about itself.
     */
    public CommandResult linkRecurrence(LinkRecurrenceCommand command, Instant earlierStartedAt, String decidingTeam) {
        ensureOpenForRecording();
        if (command.ofIncidentId().equals(incidentId)) {
            throw new IncidentRejection(ErrorCode.RECURRENCE_NOT_ALLOWED, "An incident cannot recur itself");
        }
        if (!earlierStartedAt.isBefore(startedAt)) {
            throw new IncidentRejection(ErrorCode.RECURRENCE_NOT_ALLOWED, "Incident " + command.ofIncidentId()
                    + " did not start before incident " + incidentId + ": a recurrence points at an earlier incident");
        }
        String target = command.ofIncidentId() + "/" + command.remediationId();
        String existing = recurrenceByTarget.get(target);
        if (existing != null) {
            return unchanged(existing);
        }
        if (usedIds.contains(command.recurrenceId())) {
            throw new IncidentRejection(ErrorCode.ENTRY_STATE_CONFLICT, "Id " + command.recurrenceId()
                    + " is already used in incident " + incidentId);
        }
        apply(new RecurrenceLinkedEvent(incidentId, command.recurrenceId(), command.ofIncidentId(),
                command.remediationId(), decidingTeam, command.note()));
        return changed(command.recurrenceId());
    }

    /** What the recurrence handler needs to know about a remediation this incident declined. */
    public DeclinedRemediation declinedRemediation(String remediationId) {
        Remediation remediation = remediation(remediationId);
        remediation.checkDeclinedForRecurrence();
        return new DeclinedRemediation(startedAt, remediation.team());
    }

    public record DeclinedRemediation(Instant incidentStartedAt, String decidingTeam) {
    }

    /**
     * Publishing the same content again (same template, audience and content hash) is a no-op that answers the first
     * publication. Publishing is allowed after the analysis closed: that is when the record is usually published.
     */
    @CommandHandler
    public CommandResult handle(PublishArtifactCommand command) {
        if (command.incidentVersion() > version()) {
            throw IncidentRejection.invalid("incidentVersion " + command.incidentVersion() + " is beyond incident "
                    + incidentId + "'s version " + version());
        }
        String published = publishedArtifacts.get(publication(command.templateId(), command.audience(),
                command.contentHash()));
        if (published != null) {
            return unchanged(published);
        }
        apply(new ArtifactPublishedEvent(incidentId, command.artifactId(), command.templateId(),
                command.templateVersion(), command.audience(), command.contentHash(), command.incidentVersion(),
                command.renderedAsOf()));
        return changed(command.artifactId());
    }

    private static String publication(String templateId, Audience audience, String contentHash) {
        return templateId + "\u0000" + audience + "\u0000" + contentHash;
    }

    @CommandHandler
    public CommandResult handle(ClassifyIncidentCommand command) {
        ensureOpenForRecording();
        List<String> labels = command.labels().stream().sorted().toList();
        if (labels.equals(classification)) {
            return unchanged(incidentId);
        }
        apply(new IncidentClassifiedEvent(incidentId, labels));
        return changed(incidentId);
    }

    @CommandHandler
    public CommandResult handle(ResolveIncidentCommand command) {
        ensureOpenForRecording();
        if (resolved) {
            boolean sameTime = command.resolvedAt() == null || command.resolvedAt().equals(resolvedAt);
            if (sameTime && Objects.equals(command.resolution(), resolution)) {
                return unchanged(incidentId);
            }
            throw new IncidentRejection(ErrorCode.INCIDENT_STATE_CONFLICT,
                    "Incident " + incidentId + " was already resolved at " + resolvedAt);
        }
        if (command.resolvedAt() != null && command.resolvedAt().isBefore(startedAt)) {
            throw IncidentRejection.invalid("resolvedAt must not be before the incident started (" + startedAt + ")");
        }
        apply(new IncidentResolvedEvent(incidentId, command.resolvedAt(), command.resolution()));
        return changed(incidentId);
    }

    @CommandHandler
    public CommandResult handle(CloseAnalysisCommand command) {
        if (status == IncidentStatus.CLOSED && Objects.equals(conclusion, command.conclusion())) {
            return unchanged(incidentId);
        }
        ensureOpenForRecording();
        apply(new AnalysisClosedEvent(incidentId, command.conclusion()));
        return changed(incidentId);
    }

    @CommandHandler
    public CommandResult handle(ReopenAnalysisCommand command) {
        if (status != IncidentStatus.CLOSED) {
            return unchanged(incidentId);
        }
        apply(new AnalysisReopenedEvent(incidentId, command.reason()));
        return changed(incidentId);
    }

    @CommandHandler
    public CommandResult handle(AmendEntryCommand command) {
        ensureOpenForRecording();
        EntryKind kind = entry(command.entryId()).entryKind();
        Map<String, String> changes = kind.normalized(command.changes());
        if (amendment(changes, command.reason()).equals(lastAmendment.get(command.entryId()))) {
            return unchanged(command.entryId());
        }
        apply(new EntryAmendedEvent(incidentId, command.entryId(), kind, changes, command.reason()));
        return changed(command.entryId());
    }

    @CommandHandler
    public CommandResult handle(RetractEntryCommand command) {
        ensureOpenForRecording();
        if (retracted.contains(command.entryId())) {
            return unchanged(command.entryId());
        }
        EntryKind kind = entry(command.entryId()).entryKind();
        if (kind == EntryKind.MENTAL_MODEL) {
            divergenceModels.forEach((divergenceId, models) -> {
                if (models.contains(command.entryId())) {
                    throw new IncidentRejection(ErrorCode.ENTRY_STATE_CONFLICT, "Mental model " + command.entryId()
                            + " is part of divergence " + divergenceId + "; retract the divergence first");
                }
            });
        }
        if (kind == EntryKind.REMEDIATION) {
            RemediationState state = remediations.get(command.entryId()).state();
            if (state == RemediationState.COMPLETED || state == RemediationState.DECLINED) {
                throw new IncidentRejection(ErrorCode.ENTRY_STATE_CONFLICT, "Remediation " + command.entryId()
                        + " is " + state + ": a decided remediation stays on record; reopen it first");
            }
        }
        apply(new EntryRetractedEvent(incidentId, command.entryId(), kind, command.reason()));
        return changed(command.entryId());
    }

    private CommandResult record(RecordsEntry command, Runnable applyEvent) {
        ensureOpenForRecording();
        String entryId = command.entryId();
        String existing = entryByContent.get(command.entry().content());
        if (existing != null) {
            return unchanged(existing);
        }
        if (usedIds.contains(entryId)) {
            throw new IncidentRejection(ErrorCode.ENTRY_STATE_CONFLICT, "Id " + entryId + " is already used in incident "
                    + incidentId);
        }
        applyEvent.run();
        return changed(entryId);
    }

    private void ensureOpenForRecording() {
        if (status == IncidentStatus.CLOSED) {
            throw new IncidentRejection(ErrorCode.ANALYSIS_CLOSED, "The analysis of incident " + incidentId
                    + " is closed; reopen it before recording anything");
        }
    }

    private Remediation remediation(String remediationId) {
        Remediation remediation = remediations.get(remediationId);
        if (remediation == null) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_REMEDIATION,
                    "Incident " + incidentId + " has no remediation " + remediationId);
        }
        return remediation;
    }

    private RecordedEntry entry(String entryId) {
        RecordedEntry entry = entries.get(entryId);
        if (entry == null) {
            throw new IncidentRejection(ErrorCode.UNKNOWN_ENTRY,
                    "Incident " + incidentId + " has no recorded entry " + entryId);
        }
        return entry;
    }

    private CommandResult changed(String id) {
        return new CommandResult(id, version(), true);
    }

    private CommandResult unchanged(String id) {
        return new CommandResult(id, version(), false);
    }

    /** The number of events stored for this incident (Axon counts sequence numbers from 0). */
    private long version() {
        Long lastSequence = AggregateLifecycle.getVersion();
        return lastSequence == null ? 0 : lastSequence + 1;
    }

    private static String amendment(Map<String, String> changes, String reason) {
        return new TreeMap<>(changes) + "\u0000" + reason;
    }

    private void remember(String entryId, RecordedEntry entry) {
        entries.put(entryId, entry);
        entryByContent.put(entry.content(), entryId);
        usedIds.add(entryId);
    }

    private void forget(String entryId) {
        RecordedEntry entry = entries.remove(entryId);
        if (entry != null) {
            entryByContent.remove(entry.content(), entryId);
        }
    }

    // ---- state, applied from events (also on replay) ----

    @EventSourcingHandler
    void on(IncidentDeclaredEvent event) {
        incidentId = event.incidentId();
        declaration = event;
        title = event.title();
        summary = event.summary();
        teams.addAll(event.teams());
        components.addAll(event.components());
        startedAt = event.startedAt();
        status = IncidentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(IncidentRevisedEvent event) {
        if (event.title() != null) {
            title = event.title();
        }
        if (event.summary() != null) {
            summary = event.summary();
        }
        teams.addAll(event.addedTeams());
        components.addAll(event.addedComponents());
    }

    @EventSourcingHandler
    void on(EntryRecorded event) {
        remember(event.entryId(), event.entry());
    }

    @EventSourcingHandler
    void on(DivergenceNotedEvent event) {
        remember(event.entryId(), event.entry());
        divergenceModels.put(event.divergenceId(), event.mentalModelIds());
    }

    @EventSourcingHandler
    void on(RemediationProposedEvent event) {
        remember(event.entryId(), event.entry());
        remediations.put(event.remediationId(), new Remediation(event.remediationId(), event.team()));
    }

    @EventSourcingHandler
    void on(RemediationPrioritizedEvent event) {
        remediations.get(event.remediationId()).markPrioritized(event.priority(), event.rationale(), event.dueBy());
    }

    @EventSourcingHandler
    void on(RemediationCompletedEvent event) {
        remediations.get(event.remediationId()).markCompleted(event.note());
    }

    @EventSourcingHandler
    void on(RemediationDeclinedEvent event) {
        remediations.get(event.remediationId()).markDeclined(event.rationale(), event.acceptedRisk(),
                event.revisitBy());
    }

    @EventSourcingHandler
    void on(RemediationReopenedEvent event) {
        remediations.get(event.remediationId()).markReopened();
    }

    @EventSourcingHandler
    void on(RecurrenceLinkedEvent event) {
        recurrenceByTarget.put(event.ofIncidentId() + "/" + event.remediationId(), event.recurrenceId());
        usedIds.add(event.recurrenceId());
    }

    @EventSourcingHandler
    void on(IncidentClassifiedEvent event) {
        classification = event.labels();
    }

    @EventSourcingHandler
    void on(IncidentResolvedEvent event, @Timestamp Instant recordedAt) {
        status = IncidentStatus.RESOLVED;
        resolved = true;
        resolvedAt = event.resolvedAt() == null ? recordedAt : event.resolvedAt();
        resolution = event.resolution();
    }

    @EventSourcingHandler
    void on(AnalysisClosedEvent event) {
        status = IncidentStatus.CLOSED;
        conclusion = event.conclusion();
    }

    @EventSourcingHandler
    void on(AnalysisReopenedEvent event) {
        status = resolved ? IncidentStatus.RESOLVED : IncidentStatus.OPEN;
        conclusion = null;
    }

    @EventSourcingHandler
    void on(EntryAmendedEvent event) {
        RecordedEntry amended = entries.get(event.entryId()).amendedWith(event.changes());
        forget(event.entryId());
        remember(event.entryId(), amended);
        lastAmendment.put(event.entryId(), amendment(event.changes(), event.reason()));
    }

    @EventSourcingHandler
    void on(EntryRetractedEvent event) {
        forget(event.entryId());
        retracted.add(event.entryId());
        divergenceModels.remove(event.entryId());
        remediations.remove(event.entryId());
        lastAmendment.remove(event.entryId());
    }

    @EventSourcingHandler
    void on(ArtifactPublishedEvent event) {
        publishedArtifacts.put(publication(event.templateId(), event.audience(), event.contentHash()),
                event.artifactId());
    }
}
