package org.incidentlearning.kernel.artifact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.incidentlearning.kernel.artifact.ArtifactSection.CONTEXTS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.COORDINATIONS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.DIVERGENCES;
import static org.incidentlearning.kernel.artifact.ArtifactSection.FACILITATOR_HINTS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.IMPACT;
import static org.incidentlearning.kernel.artifact.ArtifactSection.LINKAGES;
import static org.incidentlearning.kernel.artifact.ArtifactSection.LINKS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.MENTAL_MODELS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.PROMPTS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.RECURRENCES;
import static org.incidentlearning.kernel.artifact.ArtifactSection.REMEDIATIONS;
import static org.incidentlearning.kernel.artifact.ArtifactSection.SUMMARY;
import static org.incidentlearning.kernel.artifact.ArtifactSection.TIMELINE;

/**
 * One template per archetype, shipped with the service. They are part of the code, not of the store: an export
 * imports into an empty store, and a store that had to hold them first would never be empty. Their content is fixed
 * at version 1; teams that want another arrangement define their own.
 */
public final class BuiltInTemplates {

    public static final String RECORD_KEEPER = "record-keeper";
    public static final String FACILITATOR = "facilitator";
    public static final String SIGNPOST = "signpost";
    /** When the built-in templates were written; their version 1 dates from then. */
    private static final Instant WRITTEN = Instant.parse("2026-12-03T00:00:00Z");

    private static final Map<String, TemplateDefinition> ALL = Map.of(
            RECORD_KEEPER, new TemplateDefinition(RECORD_KEEPER, 1, "Record-keeper", Archetype.RECORD_KEEPER,
                    List.of(SUMMARY, IMPACT, TIMELINE, MENTAL_MODELS, DIVERGENCES, CONTEXTS, COORDINATIONS, LINKAGES,
                            REMEDIATIONS, RECURRENCES, LINKS),
                    List.of(), null, WRITTEN, true),
            FACILITATOR, new TemplateDefinition(FACILITATOR, 1, "Facilitator", Archetype.FACILITATOR,
                    List.of(SUMMARY, FACILITATOR_HINTS, PROMPTS, TIMELINE, MENTAL_MODELS, DIVERGENCES, CONTEXTS,
                            COORDINATIONS, LINKAGES, REMEDIATIONS, RECURRENCES, LINKS),
                    List.of("There is no root cause to find. What made each action make sense to the people who "
                            + "took it, at the time they took it?",
                            "What did each team believe about the system when the incident began, and where did "
                            + "those beliefs part?",
                            "Which pressures (deadlines, production targets, staffing, a change freeze) shaped the "
                            + "decisions made during the response?",
                            "Which links between systems or between teams did the incident reveal that nobody "
                            + "knew of?",
                            "Which remediations are we choosing not to do, what risk do we accept in their place, "
                            + "and when do we look at that decision again?",
                            "Who took part but has not been heard yet?"),
                    null, WRITTEN, true),
            SIGNPOST, new TemplateDefinition(SIGNPOST, 1, "Signpost", Archetype.SIGNPOST,
                    List.of(SUMMARY, IMPACT, LINKS), List.of(), null, WRITTEN, true));

    private BuiltInTemplates() {
    }

    public static boolean isBuiltIn(String templateId) {
        return ALL.containsKey(templateId);
    }

    public static Optional<TemplateDefinition> find(String templateId) {
        return Optional.ofNullable(ALL.get(templateId));
    }

    /** Record-keeper, facilitator, signpost: the archetypes' order. */
    public static List<TemplateDefinition> all() {
        return List.of(ALL.get(RECORD_KEEPER), ALL.get(FACILITATOR), ALL.get(SIGNPOST));
    }
}
