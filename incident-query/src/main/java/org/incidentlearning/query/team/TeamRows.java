package org.incidentlearning.query.team;

import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.query.incident.IncidentSummary;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews.After;
import org.incidentlearning.query.incident.IncidentViews.TeamTally;
import org.incidentlearning.query.incident.IncidentViews.TeamItem;

import java.util.Collection;
import java.util.List;

/**
 * Where one team's lists are read from, most recent first and after a cursor: the live rows, or the views of the
 * team's incidents as they stood at a past moment. Both page and count alike.
 */
interface TeamRows {

    /** The team's incidents by when they started. */
    List<TeamItem<IncidentSummary>> incidents(After after, int limit);

    /** The entries of one kind the team's context lists, by when they were recorded. */
    List<TeamItem<IncidentView.Entry>> entries(EntryKind kind, After after, int limit);

    /** How many incidents, entries of each kind and remediations in each state the team's lists hold. */
    TeamTally tally();

    /** The recurrences of these incidents' declined remediations that the entries do not carry already. */
    List<IncidentView.Recurrence> recurrencesOf(Collection<String> incidentIds);
}
