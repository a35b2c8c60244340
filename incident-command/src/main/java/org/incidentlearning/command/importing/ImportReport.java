package org.incidentlearning.command.importing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import org.incidentlearning.web.Uncapped;

/**
 * What an import did. Every record read is counted once: created, amended (an incident that existed and gained
 * something), unchanged, or rejected (not imported, or refused part-way; its notes say which).
 *
 * @param eventsStored the number of commands that stored an event
 * @param notes        per-record problems, in the order of the file
 * @param notMapped    field → how many records held a value there that no command records, and why
 */
public record ImportReport(@Schema(minimum = "0") int recordsRead, @Schema(minimum = "0") int incidentsCreated,
                           @Schema(minimum = "0") int incidentsAmended, @Schema(minimum = "0") int recordsUnchanged,
                           @Schema(minimum = "0") int recordsRejected, @Schema(minimum = "0") int eventsStored,
                           @Uncapped("as many as the file gives reasons for") List<ImportNote> notes,
                           Map<String, NotMapped> notMapped) {

    public record NotMapped(@Schema(minimum = "1") int records, String reason) {
    }
}
