package org.incidentlearning.kernel.entry;

import org.incidentlearning.kernel.linkage.LinkageKind;

/**
 * A patch to the socio-technical map: {@code from} depends on or must talk to {@code to}, perhaps only under
 * {@code condition}, perhaps although people believed the link was gone ({@code believedAbsent}).
 */
public record Linkage(LinkageKind kind, String from, String to, String description, String condition,
                      boolean believedAbsent) implements RecordedEntry {

    @Override
    public EntryKind entryKind() {
        return EntryKind.LINKAGE;
    }

    /** Nobody's: any team involved in the incident may record or correct it. */
    @Override
    public String team() {
        return null;
    }
}
