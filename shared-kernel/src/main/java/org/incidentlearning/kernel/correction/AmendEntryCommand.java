package org.incidentlearning.kernel.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.error.Require;

import java.util.Map;
import java.util.TreeMap;

/** A recorded fact was wrong: new values for some of its fields, and why. The original stays in the history. */
public record AmendEntryCommand(@TargetAggregateIdentifier String incidentId, String entryId,
                                Map<String, String> changes, String reason) implements TargetsEntry {
    public AmendEntryCommand {
        Require.text(incidentId, "incidentId");
        Require.text(entryId, "entryId");
        changes = Map.copyOf(new TreeMap<>(Require.present(changes, "changes")));
        if (changes.isEmpty()) {
            throw IncidentRejection.invalid("changes must not be empty");
        }
        Require.text(reason, "reason");
    }

    @Override
    public String targetEntryId() {
        return entryId;
    }
}
