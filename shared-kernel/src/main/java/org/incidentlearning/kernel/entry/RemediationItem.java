package org.incidentlearning.kernel.entry;

/** A remediation as proposed, owned by {@code team}, the team closest to the system; its decisions are events. */
public record RemediationItem(String team, String description) implements RecordedEntry {

    @Override
    public EntryKind entryKind() {
        return EntryKind.REMEDIATION;
    }
}
