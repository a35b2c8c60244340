package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.entry.EntryKind;

/**
 * The sections of an incident's view below its header: one per kind of entry, then the corrections, the
 * publications, the earlier incidents this one recurs, and the later ones that recurred its declined remediations.
 * Each part of a section is a row of its own.
 */
enum PartSection {
    TIMELINE_ENTRY(IncidentView.TimelineEntry.class),
    MENTAL_MODEL(IncidentView.MentalModel.class),
    DIVERGENCE(IncidentView.Divergence.class),
    CONTEXT(IncidentView.Context.class),
    COORDINATION(IncidentView.Coordination.class),
    LINKAGE(IncidentView.Linkage.class),
    REMEDIATION(IncidentView.Remediation.class),
    CORRECTION(IncidentView.Correction.class),
    ARTIFACT(IncidentView.PublishedArtifact.class),
    /** An earlier incident's declined remediation this incident recurs. */
    RECURRENCE_OF(IncidentView.Recurrence.class),
    /**
     * A later incident that recurred one of this incident's declined remediations. The later incident's events write
     * it, in their own processing segment: a row of its own, so neither segment overwrites the other's work.
     */
    RECURRED(IncidentView.Recurrence.class);

    private final Class<?> type;

    PartSection(Class<?> type) {
        this.type = type;
    }

    Class<?> type() {
        return type;
    }

    static PartSection of(EntryKind kind) {
        return valueOf(kind.name());
    }
}
