package org.incidentlearning.query.incident;

import org.incidentlearning.query.hotspot.HotspotCounts;
import org.incidentlearning.query.rebuild.RebuildableViews;
import org.incidentlearning.store.SharedStore;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The incident views, the team context's rows and counts, and the hot spots' buckets, as a rebuild builds them. */
@Component
class IncidentViewTables implements RebuildableViews {

    private final SharedStore store;

    IncidentViewTables(SharedStore store) {
        this.store = store;
    }

    @Override
    public String processingGroup() {
        return IncidentViewProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("incident_view", "incident_view_team", "incident_view_component", "incident_part",
                "team_entry", "team_count", "hotspot_bucket");
    }

    @Override
    public List<Object> handlersWritingTo(NamedParameterJdbcTemplate jdbc) {
        return List.of(new IncidentViewProjection(new BatchedIncidentViews(new IncidentViews(jdbc,
                new HotspotCounts(jdbc, store), new TeamCounts(jdbc, store)))));
    }
}
