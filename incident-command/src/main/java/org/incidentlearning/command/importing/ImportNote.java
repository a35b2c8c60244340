package org.incidentlearning.command.importing;

/** Something about one imported record that could not be taken as written, and what was done instead. */
public record ImportNote(String sourceId, String field, String note) {
}
