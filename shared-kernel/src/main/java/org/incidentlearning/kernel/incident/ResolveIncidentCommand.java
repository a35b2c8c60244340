package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.time.Instant;

/**
 * The incident's impact ended at {@code resolvedAt}, or, when it is null, as the command is recorded; the analysis
 * goes on until it is closed.
 */
public record ResolveIncidentCommand(@TargetAggregateIdentifier String incidentId, Instant resolvedAt,
                                     String resolution) {
    public ResolveIncidentCommand {
        Require.text(incidentId, "incidentId");
        Require.fourDigitYear(resolvedAt, "resolvedAt");
    }
}
