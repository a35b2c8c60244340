package org.incidentlearning.command.importing;

import org.incidentlearning.kernel.incident.DeclareIncidentCommand;
import org.incidentlearning.kernel.incident.ResolveIncidentCommand;
import org.incidentlearning.kernel.incident.ReviseIncidentCommand;

import java.util.List;
import java.util.Set;

/**
 * What one post-mortem record becomes: the declaration (or, for a later write-up of an incident that exists, the
 * revision), the entries to record, the classification labels, the resolution, and what could not be mapped. A
 * record without a declaration is not imported; its notes say why.
 *
 * @param entries timeline entries, contexts and linkages, in the order they are sent
 * @param labels  the record's classification labels; empty when it gives none
 * @param resolution null when the incident stays open
 * @param notMapped names of the record's fields that held a value no command records
 */
public record PostmortemPlan(String sourceId, String incidentId, DeclareIncidentCommand declaration,
                             ReviseIncidentCommand revision, List<PlannedCommand> entries, Set<String> labels,
                             ResolveIncidentCommand resolution, List<ImportNote> notes, Set<String> notMapped) {

    public PostmortemPlan {
        entries = List.copyOf(entries);
        labels = Set.copyOf(labels);
        notes = List.copyOf(notes);
        notMapped = Set.copyOf(notMapped);
    }

    static PostmortemPlan notImportable(String sourceId, String incidentId, List<ImportNote> notes,
                                        Set<String> notMapped) {
        return new PostmortemPlan(sourceId, incidentId, null, null, List.of(), Set.of(), null, notes, notMapped);
    }

    public boolean importable() {
        return declaration != null;
    }

    /** A command and the record field it comes from, so a refusal can name what it refused. */
    public record PlannedCommand(String field, Object command) {
    }
}
