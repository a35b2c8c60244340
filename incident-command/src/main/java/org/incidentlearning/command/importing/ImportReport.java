package org.incidentlearning.command.importing;

import java.util.List;
import java.util.Map;

/**
 * What an import did. Every record read is counted once: created, amended (an incident that existed and gained
 * something), unchanged, or rejected (not imported, or refused part-way; its notes say which).
 *
 * @param eventsStored the number of commands that stored an event
 * @param notes        per-record problems, in the order of the file
 * @param notMapped    field → how many records held a value there that no command records, and why
 */
public record ImportReport(int recordsRead, int incidentsCreated, int incidentsAmended, int recordsUnchanged,
                           int recordsRejected, int eventsStored, List<ImportNote> notes,
                           Map<String, NotMapped> notMapped) {

    public record NotMapped(int records, String reason) {
    }
}
