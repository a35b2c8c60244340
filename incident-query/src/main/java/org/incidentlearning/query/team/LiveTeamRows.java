package org.incidentlearning.query.team;

import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.query.incident.IncidentSummary;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.incidentlearning.query.incident.IncidentViews.After;
import org.incidentlearning.query.incident.IncidentViews.TeamItem;
import org.incidentlearning.query.incident.IncidentViews.TeamTally;

import java.util.Collection;
import java.util.List;

/** A team's lists as the live views hold them: indexed rows, each page a keyset range. */
record LiveTeamRows(IncidentViews views, String team) implements TeamRows {

    @Override
    public List<TeamItem<IncidentSummary>> incidents(After after, int limit) {
        return views.teamIncidents(team, after, limit);
    }

    @Override
    public List<TeamItem<IncidentView.Entry>> entries(EntryKind kind, After after, int limit) {
        return views.teamEntries(team, kind, after, limit);
    }

    @Override
    public TeamTally tally() {
        return views.teamTally(team);
    }

    @Override
    public List<IncidentView.Recurrence> recurrencesOf(Collection<String> incidentIds) {
        return views.recurrencesOf(incidentIds);
    }
}
