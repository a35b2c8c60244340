package org.incidentlearning.command.importing;

import org.incidentlearning.web.Uncapped;

/** Something about one imported record that could not be taken as written, and what was done instead. */
public record ImportNote(
        @Uncapped("the record's key, as the file has it") String sourceId,
        @Uncapped("the field, as the file names it") String field,
        @Uncapped("what was done instead, quoting the file") String note) {
}
