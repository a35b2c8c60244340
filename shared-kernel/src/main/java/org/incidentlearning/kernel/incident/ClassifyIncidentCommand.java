package org.incidentlearning.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.error.Require;

import java.util.Set;
import java.util.TreeSet;

/** Puts the incident into buckets for trend analysis; the labels replace the previous classification. */
public record ClassifyIncidentCommand(@TargetAggregateIdentifier String incidentId, Set<String> labels) {
    public ClassifyIncidentCommand {
        Require.text(incidentId, "incidentId");
        labels = Set.copyOf(new TreeSet<>(Require.notEmpty(labels, "labels")));
    }
}
