package org.incidentlearning.query.team;

import com.fasterxml.jackson.annotation.JsonValue;
import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.error.IncidentRejection;

import java.util.Arrays;

/** The lists of a team's context, named as its fields are: each pages on its own. */
public enum TeamList {
    INCIDENTS("incidents", null),
    MENTAL_MODELS("mentalModels", EntryKind.MENTAL_MODEL),
    DIVERGENCES("divergences", EntryKind.DIVERGENCE),
    CONTEXTS("contexts", EntryKind.CONTEXT),
    COORDINATIONS("coordinations", EntryKind.COORDINATION),
    REMEDIATIONS("remediations", EntryKind.REMEDIATION),
    LINKAGES("linkages", EntryKind.LINKAGE);

    private final String field;
    private final EntryKind kind;

    TeamList(String field, EntryKind kind) {
        this.field = field;
        this.kind = kind;
    }

    /** The kind of entry the list holds; null for the incidents. */
    EntryKind kind() {
        return kind;
    }

    @JsonValue
    public String field() {
        return field;
    }

    public static TeamList named(String field) {
        return Arrays.stream(values()).filter(list -> list.field.equals(field)).findFirst()
                .orElseThrow(() -> IncidentRejection.invalid("A team's context has no list '" + field + "'; lists: "
                        + Arrays.stream(values()).map(TeamList::field).toList()));
    }
}
