package org.incidentlearning.kernel.correction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.TargetsEntry;
import org.incidentlearning.kernel.error.Require;

/** A recorded entry should not have been recorded; it leaves the views but stays in the history. */
public record RetractEntryCommand(@TargetAggregateIdentifier String incidentId, String entryId, String reason)
        implements TargetsEntry {
    public RetractEntryCommand {
        Require.text(incidentId, "incidentId");
        Require.text(entryId, "entryId");
        Require.text(reason, "reason");
    }

    @Override
    public String targetEntryId() {
        return entryId;
    }
}
