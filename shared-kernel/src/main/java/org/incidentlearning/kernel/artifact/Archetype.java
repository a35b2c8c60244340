package org.incidentlearning.kernel.artifact;

import java.util.EnumSet;
import java.util.Set;

/**
 * The three kinds of post-incident artifact the article found: the record kept for later, the guide for the people
 * running the review meeting, and the light pointer to where the record lives.
 */
public enum Archetype {
    RECORD_KEEPER,
    FACILITATOR,
    SIGNPOST;

    /** The sections a template of this archetype may have: a signpost stays light; only facilitators get prompts. */
    public Set<ArtifactSection> allowedSections() {
        return switch (this) {
            case SIGNPOST -> EnumSet.of(ArtifactSection.SUMMARY, ArtifactSection.IMPACT, ArtifactSection.LINKS);
            case RECORD_KEEPER -> EnumSet.complementOf(EnumSet.of(ArtifactSection.PROMPTS,
                    ArtifactSection.FACILITATOR_HINTS));
            case FACILITATOR -> EnumSet.allOf(ArtifactSection.class);
        };
    }
}
