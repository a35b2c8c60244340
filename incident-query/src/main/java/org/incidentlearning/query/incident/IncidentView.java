package org.incidentlearning.query.incident;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.context.ContextKind;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.kernel.linkage.LinkageKind;
import org.incidentlearning.kernel.remediation.RemediationPriority;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.kernel.timeline.CoordinationKind;
import org.incidentlearning.kernel.timeline.TimelineEntryKind;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;
import org.springframework.lang.Nullable;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The incident view as it is served. Fields are public on purpose: this is a plain data document, put together
 * from the incident's header and its parts (see {@link IncidentComposition}), that Jackson writes out unchanged. It
 * is written without nulls: a {@link Nullable} field that holds nothing is left out.
 */
@Schema(description = "An incident as recorded so far; a field that holds nothing is left out")
public class IncidentView {

    /** Why an incident's lists of entries carry no cap: they hold what was recorded. */
    static final String RECORDED = "it holds every such entry recorded";

    @Schema(pattern = PathIds.PATTERN)
    public String id;
    @Schema(maxLength = FieldLimits.TITLE)
    public String title;
    public Severity severity;
    public IncidentStatus status;
    @Nullable
    @Schema(maxLength = FieldLimits.TEXT)
    public String summary;
    public Instant startedAt;
    @Nullable
    public Instant detectedAt;
    @Nullable
    public Instant resolvedAt;
    @Nullable
    @Schema(maxLength = FieldLimits.TEXT)
    public String resolution;
    @Nullable
    @Schema(maxLength = FieldLimits.TEXT)
    public String conclusion;
    /** Declared teams first, then every team that recorded something or was linked. */
    @ArraySchema(schema = @Schema(maxLength = FieldLimits.NAME))
    @Uncapped("every team that took part")
    public List<String> teams = new ArrayList<>();
    /** The components declared, and those later revisions added. Links between components are in the map. */
    @ArraySchema(schema = @Schema(maxLength = FieldLimits.NAME))
    @Uncapped("revisions add components")
    public List<String> components = new ArrayList<>();
    /** The teams declared, and those later revisions added. */
    @ArraySchema(schema = @Schema(maxLength = FieldLimits.NAME))
    @Uncapped("revisions add teams")
    public List<String> declaredTeams = new ArrayList<>();
    /** The id this incident has in the system it was imported from. */
    @Nullable
    @Schema(maxLength = FieldLimits.NAME)
    public String sourceId;
    @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(maxLength = FieldLimits.NAME))
    public List<String> impact = new ArrayList<>();
    @Nullable
    @Schema(minimum = "0")
    public Integer durationMinutes;
    @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(maxLength = FieldLimits.TEXT))
    public List<String> references = new ArrayList<>();
    @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(maxLength = FieldLimits.NAME))
    public List<String> classification = new ArrayList<>();
    /** The number of this incident's stored events this view reflects; equals the version commands answer. */
    @Schema(minimum = "1")
    public long version;
    public Instant declaredAt;
    public Instant updatedAt;
    @Uncapped(RECORDED)
    public List<TimelineEntry> timeline = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<MentalModel> mentalModels = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<Divergence> divergences = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<Context> contexts = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<Coordination> coordinations = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<Linkage> linkages = new ArrayList<>();
    @Uncapped(RECORDED)
    public List<Remediation> remediations = new ArrayList<>();
    /** Earlier incidents (and their declined remediations) this incident recurs. */
    @Uncapped("every earlier declined remediation this incident recurs")
    public List<Recurrence> recurrenceOf = new ArrayList<>();
    @Uncapped("every revision, amendment and retraction")
    public List<Correction> corrections = new ArrayList<>();
    /** The artifacts published from this incident, in publishing order. */
    @Uncapped("every publication of the incident")
    public List<PublishedArtifact> artifacts = new ArrayList<>();

    public abstract static class Entry {
        @Schema(pattern = PathIds.PATTERN)
        public String id;
        public Instant recordedAt;
        /** Whether a correction changed it since it was recorded. */
        public boolean amended;

        /** The teams this entry makes take part in the incident: its own, and those it was with or linked. */
        abstract List<String> participants();

        /**
         * The teams whose context lists this entry, given the teams of its incident: its participants, unless its
         * kind says otherwise.
         */
        public List<String> listedFor(List<String> teamsOfIncident) {
            return participants().stream().distinct().toList();
        }

        /**
         * Applies an amendment as its entry kind reads it ({@link EntryKind#valueOf}): the view keeps the recorded
         * entry's fields under their names, kinds as their names.
         */
        void amend(EntryKind kind, Map<String, String> changes) {
            changes.forEach((field, value) -> {
                try {
                    Field kept = getClass().getField(field);
                    kept.set(this, kept.getType() == String.class ? value : kind.valueOf(field, value));
                } catch (NoSuchFieldException | IllegalAccessException e) {
                    throw new IllegalStateException("The " + kind + " view has no field " + field, e);
                }
            });
            amended = true;
        }
    }

    @Schema(name = "TimelineEntry")
    public static class TimelineEntry extends Entry {
        public Instant occurredAt;
        @Schema(maxLength = FieldLimits.NAME)
        public String team;
        @Schema(implementation = TimelineEntryKind.class)
        public String kind;
        @Schema(maxLength = FieldLimits.TEXT)
        public String text;

        @Override
        List<String> participants() {
            return List.of(team);
        }

        /** The incident's timeline, in no team's context. */
        @Override
        public List<String> listedFor(List<String> teamsOfIncident) {
            return List.of();
        }
    }

    @Schema(name = "IncidentMentalModel")
    public static class MentalModel extends Entry {
        @Schema(maxLength = FieldLimits.NAME)
        public String team;
        @Schema(maxLength = FieldLimits.TEXT, description = "Recorded with up to " + FieldLimits.NAME
                + " characters; an amendment may make it as long as a text")
        public String subject;
        @Schema(maxLength = FieldLimits.TEXT)
        public String belief;
        @Nullable
        public Instant heldAt;

        @Override
        List<String> participants() {
            return List.of(team);
        }
    }

    @Schema(name = "IncidentDivergence")
    public static class Divergence extends Entry {
        @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(pattern = PathIds.PATTERN))
        public List<String> mentalModelIds = new ArrayList<>();
        @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(maxLength = FieldLimits.NAME))
        public List<String> teams = new ArrayList<>();
        @Schema(maxLength = FieldLimits.TEXT)
        public String description;
        @Schema(maxLength = FieldLimits.TEXT)
        public String effect;

        /** Nobody's: its teams are its mental models' teams, who take part through those. */
        @Override
        List<String> participants() {
            return List.of();
        }

        /** The teams of its mental models. */
        @Override
        public List<String> listedFor(List<String> teamsOfIncident) {
            return teams;
        }
    }

    @Schema(name = "IncidentContext")
    public static class Context extends Entry {
        @Schema(maxLength = FieldLimits.NAME)
        public String team;
        @Schema(implementation = ContextKind.class)
        public String kind;
        @Schema(maxLength = FieldLimits.TEXT)
        public String description;

        @Override
        List<String> participants() {
            return List.of(team);
        }
    }

    @Schema(name = "IncidentCoordination")
    public static class Coordination extends Entry {
        @Schema(maxLength = FieldLimits.NAME)
        public String team;
        @Schema(implementation = CoordinationKind.class)
        public String kind;
        @ArraySchema(maxItems = FieldLimits.LIST, schema = @Schema(maxLength = FieldLimits.NAME))
        public List<String> withTeams = new ArrayList<>();
        @Schema(maxLength = FieldLimits.TEXT)
        public String description;
        @Nullable
        public Instant occurredAt;

        @Override
        List<String> participants() {
            return Stream.concat(Stream.of(team), withTeams.stream()).toList();
        }
    }

    @Schema(name = "IncidentLinkage")
    public static class Linkage extends Entry {
        public LinkageKind kind;
        @Schema(maxLength = FieldLimits.LINK_END)
        public String from;
        @Schema(maxLength = FieldLimits.LINK_END)
        public String to;
        @Schema(maxLength = FieldLimits.TEXT)
        public String description;
        @Nullable
        @Schema(maxLength = FieldLimits.TEXT)
        public String condition;
        public boolean believedAbsent;

        /** A social linkage's ends are teams; a technical one links components. */
        @Override
        List<String> participants() {
            return kind == LinkageKind.SOCIAL ? List.of(from, to) : List.of();
        }

        /** A social linkage's ends; a technical linkage every team of its incident, whenever the team joined. */
        @Override
        public List<String> listedFor(List<String> teamsOfIncident) {
            return kind == LinkageKind.SOCIAL ? participants() : teamsOfIncident;
        }
    }

    @Schema(name = "IncidentRemediation")
    public static class Remediation extends Entry {
        @Schema(maxLength = FieldLimits.NAME)
        public String team;
        @Schema(maxLength = FieldLimits.TEXT)
        public String description;
        public RemediationState state = RemediationState.PROPOSED;
        @Nullable
        public RemediationPriority priority;
        @Nullable
        @Schema(maxLength = FieldLimits.TEXT)
        public String priorityRationale;
        @Nullable
        public LocalDate dueBy;
        @Nullable
        @Schema(maxLength = FieldLimits.TEXT)
        public String completionNote;
        @Nullable
        public Instant completedAt;
        @Nullable
        @Schema(maxLength = FieldLimits.TEXT)
        public String rationale;
        @Nullable
        @Schema(maxLength = FieldLimits.TEXT)
        public String acceptedRisk;
        @Nullable
        public LocalDate revisitBy;
        @Nullable
        public Instant declinedAt;
        @Uncapped("every later incident that recurred it")
        public List<Recurrence> recurrences = new ArrayList<>();

        @Override
        List<String> participants() {
            return List.of(team);
        }
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
        @Nullable
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

    /** A revision of the incident (entryId is then the incident's id), or an amendment or retraction of an entry. */
    public static class Correction {
        @Schema(pattern = PathIds.PATTERN)
        public String entryId;
        @Nullable
        @Schema(description = "The kind of entry corrected; left out for a revision of the incident")
        public EntryKind entryKind;
        @Schema(allowableValues = {"REVISED", "AMENDED", "RETRACTED"})
        public String action;
        @Nullable
        @Schema(description = "Field → new value; left out for a retraction")
        public Map<String, String> changes;
        @Schema(maxLength = FieldLimits.TEXT)
        public String reason;
        public Instant at;
    }
}
