package org.incidentlearning.kernel.artifact;

/** The parts a template arranges, in the order it lists them. */
public enum ArtifactSection {
    SUMMARY,
    IMPACT,
    TIMELINE,
    MENTAL_MODELS,
    DIVERGENCES,
    CONTEXTS,
    COORDINATIONS,
    LINKAGES,
    REMEDIATIONS,
    RECURRENCES,
    /** The template's own questions for the review meeting. */
    PROMPTS,
    /** What the recorded events suggest the facilitator look at: blame language, silent teams, open ends. */
    FACILITATOR_HINTS,
    /** The systems of record: the incident's references and where its views live in this service. */
    LINKS
}
