package org.incidentlearning.kernel.mentalmodel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.Divergence;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.util.LinkedHashSet;
import java.util.List;

/** Two or more recorded mental models diverged; {@code effect} is what that did to the response. */
public record NoteDivergenceCommand(@TargetAggregateIdentifier String incidentId, String divergenceId,
                                    List<String> mentalModelIds, String description, String effect)
        implements RecordsEntry {
    public NoteDivergenceCommand {
        Require.text(incidentId, "incidentId");
        Require.text(divergenceId, "divergenceId");
        Require.present(mentalModelIds, "mentalModelIds");
        mentalModelIds = List.copyOf(new LinkedHashSet<>(mentalModelIds));
        if (mentalModelIds.size() < 2) {
            throw IncidentRejection.invalid(
                    "mentalModelIds must name at least two different mental models");
        }
        Require.text(description, "description");
        Require.text(effect, "effect");
    }

    @Override
    public String entryId() {
        return divergenceId;
    }

    @Override
    public Divergence entry() {
        return new Divergence(mentalModelIds, description, effect);
    }
}
