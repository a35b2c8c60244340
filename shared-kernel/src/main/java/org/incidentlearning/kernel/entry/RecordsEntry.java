package org.incidentlearning.kernel.entry;

/** A command that records an entry in an incident: what it records, under which id. */
public interface RecordsEntry {

    String entryId();

    RecordedEntry entry();
}
