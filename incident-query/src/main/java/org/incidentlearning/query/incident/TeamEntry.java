package org.incidentlearning.query.incident;

import java.time.Instant;

/** That a team is part of an entry of an incident, for the team's context to page through. */
record TeamEntry(String team, PartSection section, String incidentId, String partId, Instant recordedAt) {

    boolean of(BatchedIncidentViews.PartKey key) {
        return incidentId.equals(key.incidentId()) && section == key.section() && partId.equals(key.partId());
    }
}
