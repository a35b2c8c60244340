package org.incidentlearning.kernel.correction;

import java.util.Set;

/** The kinds of recorded entry that can be amended or retracted, and which of their fields an amendment may change. */
public enum EntryKind {
    TIMELINE_ENTRY(Set.of("occurredAt", "kind", "text")),
    MENTAL_MODEL(Set.of("subject", "belief", "heldAt")),
    DIVERGENCE(Set.of("description", "effect")),
    CONTEXT(Set.of("kind", "description")),
    COORDINATION(Set.of("kind", "description", "occurredAt")),
    LINKAGE(Set.of("description", "condition")),
    REMEDIATION(Set.of("description"));

    private final Set<String> amendableFields;

    EntryKind(Set<String> amendableFields) {
        this.amendableFields = amendableFields;
    }

    public Set<String> amendableFields() {
        return amendableFields;
    }
}
