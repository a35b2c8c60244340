package org.incidentlearning.kernel.linkage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentlearning.kernel.entry.Linkage;
import org.incidentlearning.kernel.entry.RecordsEntry;
import org.incidentlearning.kernel.error.Require;

/**
 * A patch to the socio-technical map: {@code from} depends on or must talk to {@code to}, perhaps only under
 * {@code condition}, perhaps although people believed the link was gone ({@code believedAbsent}).
 */
public record DiscoverLinkageCommand(@TargetAggregateIdentifier String incidentId, String linkageId,
                                     LinkageKind kind, String from, String to, String description, String condition,
                                     boolean believedAbsent) implements RecordsEntry {
    public DiscoverLinkageCommand {
        Require.text(incidentId, "incidentId");
        Require.text(linkageId, "linkageId");
        Require.present(kind, "kind");
        Require.text(from, "from");
        Require.text(to, "to");
        Require.text(description, "description");
    }

    @Override
    public String entryId() {
        return linkageId;
    }

    @Override
    public Linkage entry() {
        return new Linkage(kind, from, to, description, condition, believedAbsent);
    }
}
