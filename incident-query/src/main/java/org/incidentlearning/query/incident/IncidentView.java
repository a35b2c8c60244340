package org.incidentlearning.query.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.correction.EntryKind;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The incident view as one JSON document, stored whole and served as is. Fields are public on purpose: this is a
 * plain data document that the projection mutates event by event and Jackson writes out unchanged.
 */
public class IncidentView {

    public String id;
    public String title;
    public Severity severity;
    public IncidentStatus status;
    public String summary;
    public Instant startedAt;
    public Instant detectedAt;
    public Instant resolvedAt;
    public String resolution;
    public String conclusion;
    /** Declared teams first, then every team that recorded something or was linked. */
    public List<String> teams = new ArrayList<>();
    /** The components declared, and those later revisions added. Links between components are in the map. */
    public List<String> components = new ArrayList<>();
    /** The teams declared, and those later revisions added. */
    public List<String> declaredTeams = new ArrayList<>();
    /** The id this incident has in the system it was imported from. */
    public String sourceId;
    public List<String> impact = new ArrayList<>();
    public Integer durationMinutes;
    public List<String> references = new ArrayList<>();
    public List<String> classification = new ArrayList<>();
    /** The number of this incident's stored events this view reflects; equals the version commands answer. */
    public long version;
    public Instant declaredAt;
    public Instant updatedAt;
    public List<TimelineEntry> timeline = new ArrayList<>();
    public List<MentalModel> mentalModels = new ArrayList<>();
    public List<Divergence> divergences = new ArrayList<>();
    public List<Context> contexts = new ArrayList<>();
    public List<Coordination> coordinations = new ArrayList<>();
    public List<Linkage> linkages = new ArrayList<>();
    public List<Remediation> remediations = new ArrayList<>();
    /** Earlier incidents (and their declined remediations) this incident recurs. */
    public List<Recurrence> recurrenceOf = new ArrayList<>();
    public List<Correction> corrections = new ArrayList<>();
    /** The artifacts published from this incident, in publishing order. */
    public List<PublishedArtifact> artifacts = new ArrayList<>();

    public abstract static class Entry {
        public String id;
        public Instant recordedAt;
        public boolean amended;
    }

    public static class TimelineEntry extends Entry {
        public Instant occurredAt;
        public String team;
        public String kind;
        public String text;
    }

    public static class MentalModel extends Entry {
        public String team;
        public String subject;
        public String belief;
        public Instant heldAt;
    }

    public static class Divergence extends Entry {
        public List<String> mentalModelIds = new ArrayList<>();
        public List<String> teams = new ArrayList<>();
        public String description;
        public String effect;
    }

    public static class Context extends Entry {
        public String team;
        public String kind;
        public String description;
    }

    public static class Coordination extends Entry {
        public String team;
        public String kind;
        public List<String> withTeams = new ArrayList<>();
        public String description;
        public Instant occurredAt;
    }

    public static class Linkage extends Entry {
        public LinkageKind kind;
        public String from;
        public String to;
        public String description;
        public String condition;
        public boolean believedAbsent;
    }

    public static class Remediation extends Entry {
        public String team;
        public String description;
        public RemediationState state;
        public RemediationPriority priority;
        public String priorityRationale;
        public LocalDate dueBy;
        public String completionNote;
        public Instant completedAt;
        public String rationale;
        public String acceptedRisk;
        public LocalDate revisitBy;
        public Instant declinedAt;
        public List<Recurrence> recurrences = new ArrayList<>();
    }

    public static class Recurrence {
        @Schema(pattern = PathIds.PATTERN)
        public String recurrenceId;
        @Schema(pattern = PathIds.PATTERN)
        public String incidentId;
        @Schema(pattern = PathIds.PATTERN)
        public String ofIncidentId;
        @Schema(pattern = PathIds.PATTERN)
        public String remediationId;
        @Schema(maxLength = FieldLimits.NAME)
        public String decidingTeam;
        @Schema(maxLength = FieldLimits.TEXT)
        public String note;
        public Instant linkedAt;
    }

    public static class PublishedArtifact {
        @Schema(pattern = PathIds.PATTERN)
        public String artifactId;
        @Schema(pattern = PathIds.PATTERN)
        public String templateId;
        public int templateVersion;
        public Audience audience;
        /** SHA-256 of the Markdown rendering, lower-case hex. */
        @Schema(pattern = "^[0-9a-f]{64}$", maxLength = 64)
        public String contentHash;
        /** The incident's version the artifact was rendered from. */
        public long incidentVersion;
        /** Recurrences linked up to this moment were part of the rendering. */
        public Instant renderedAsOf;
        public Instant publishedAt;
    }

    public static class Correction {
        public String entryId;
        public EntryKind entryKind;
        public String action;
        public Map<String, String> changes;
        public String reason;
        public Instant at;
    }

    /** The live entries of one kind, so corrections can find what they correct. */
    List<? extends Entry> entriesOf(EntryKind kind) {
        return switch (kind) {
            case TIMELINE_ENTRY -> timeline;
            case MENTAL_MODEL -> mentalModels;
            case DIVERGENCE -> divergences;
            case CONTEXT -> contexts;
            case COORDINATION -> coordinations;
            case LINKAGE -> linkages;
            case REMEDIATION -> remediations;
        };
    }

    /** Recomputes which teams took part from what is live now, so a retraction also removes its team. */
    void refreshParticipants() {
        Set<String> allTeams = new LinkedHashSet<>(declaredTeams);
        Stream.of(timeline.stream().map(e -> e.team), mentalModels.stream().map(e -> e.team),
                        contexts.stream().map(e -> e.team), coordinations.stream().map(e -> e.team),
                        coordinations.stream().flatMap(e -> e.withTeams.stream()),
                        remediations.stream().map(e -> e.team),
                        linkages.stream().filter(l -> l.kind == LinkageKind.SOCIAL)
                                .flatMap(l -> Stream.of(l.from, l.to)))
                .flatMap(s -> s)
                .forEach(allTeams::add);
        teams = new ArrayList<>(allTeams);
    }
}
