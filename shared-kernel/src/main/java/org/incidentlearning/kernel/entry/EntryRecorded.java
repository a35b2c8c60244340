package org.incidentlearning.kernel.entry;

/** An event that recorded an entry in an incident: which entry, under which id. */
public interface EntryRecorded {

    String incidentId();

    String entryId();

    RecordedEntry entry();
}
