package org.incidentlearning.query.incident;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.incident.IncidentStatus;
import org.incidentlearning.kernel.incident.Severity;
import org.incidentlearning.web.FieldLimits;
import org.incidentlearning.web.PathIds;
import org.incidentlearning.web.Uncapped;

import java.time.Instant;
import java.util.List;

/** One line of the incident list. */
public record IncidentSummary(
        @Schema(pattern = PathIds.PATTERN) String id,
        @Schema(maxLength = FieldLimits.TITLE) String title,
        Severity severity, IncidentStatus status, Instant startedAt,
        @ArraySchema(schema = @Schema(maxLength = FieldLimits.NAME)) @Uncapped("every team that took part")
        List<String> teams,
        @ArraySchema(schema = @Schema(maxLength = FieldLimits.NAME)) @Uncapped("revisions add components")
        List<String> components,
        @Schema(minimum = "1") long version, Instant updatedAt) {
}
