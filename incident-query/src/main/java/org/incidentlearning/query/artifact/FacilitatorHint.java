package org.incidentlearning.query.artifact;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.springframework.lang.Nullable;

/**
 * Something in what was recorded that a facilitator should look at before the review meeting, and where it is:
 * the entry (kind and id) and field, and for language the phrase found.
 */
public record FacilitatorHint(Kind kind,
                              @Schema(maxLength = FieldLimits.TEXT) String message,
                              @Nullable @Schema(maxLength = 32) String entryKind,
                              @Nullable @Schema(pattern = PathIds.PATTERN) String entryId,
                              @Nullable @Schema(maxLength = 32) String field,
                              @Nullable @Schema(maxLength = FieldLimits.NAME) String phrase,
                              @Nullable @Schema(maxLength = FieldLimits.NAME) String team) {

    public enum Kind {
        /** "human error", "should have"…: language that finds a person to blame instead of the conditions. */
        BLAME_LANGUAGE,
        /** "root cause": the search for one cause that complex failures do not have. */
        ROOT_CAUSE_LANGUAGE,
        /** A team involved in the incident that recorded nothing of its own. */
        SILENT_TEAM,
        /** A team that recorded entries but not what it believed about the system. */
        NO_MENTAL_MODEL,
        DIVERGENCE_WITHOUT_EFFECT,
        DECLINED_WITHOUT_REVISIT,
        /** A declined remediation of this incident recurred, or this incident recurs an earlier declined one. */
        RECURRENCE_OF_DECLINED
    }
}
