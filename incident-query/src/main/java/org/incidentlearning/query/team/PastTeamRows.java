package org.incidentlearning.query.team;

import org.incidentlearning.kernel.entry.EntryKind;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.incident.IncidentSummary;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews.After;
import org.incidentlearning.query.incident.IncidentViews.TeamItem;
import org.incidentlearning.query.incident.IncidentViews.TeamTally;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A team's lists folded from the complete views of its incidents as they stood at a past moment, ordered and paged
 * as the live rows are, so that a cursor means the same in both.
 */
final class PastTeamRows implements TeamRows {

    private static final Comparator<TeamItem<?>> MOST_RECENT_FIRST = Comparator
            .comparing((TeamItem<?> item) -> item.at())
            .thenComparing(TeamItem::incidentId)
            .thenComparing(TeamItem::partId)
            .reversed();

    private final List<TeamItem<IncidentSummary>> incidents = new ArrayList<>();
    private final Map<EntryKind, List<TeamItem<IncidentView.Entry>>> entries = new EnumMap<>(EntryKind.class);

    PastTeamRows(String team, List<IncidentView> views) {
        for (IncidentView view : views) {
            incidents.add(new TeamItem<>(view.id, view.id, view.startedAt, new IncidentSummary(view.id, view.title,
                    view.severity, view.status, view.startedAt, view.teams, view.components, view.version,
                    view.updatedAt)));
            add(team, view, EntryKind.MENTAL_MODEL, view.mentalModels);
            add(team, view, EntryKind.DIVERGENCE, view.divergences);
            add(team, view, EntryKind.CONTEXT, view.contexts);
            add(team, view, EntryKind.COORDINATION, view.coordinations);
            add(team, view, EntryKind.REMEDIATION, view.remediations);
            add(team, view, EntryKind.LINKAGE, view.linkages);
        }
        incidents.sort(MOST_RECENT_FIRST);
        entries.values().forEach(list -> list.sort(MOST_RECENT_FIRST));
    }

    private void add(String team, IncidentView view, EntryKind kind, List<? extends IncidentView.Entry> section) {
        List<TeamItem<IncidentView.Entry>> list = entries.computeIfAbsent(kind, k -> new ArrayList<>());
        section.stream().filter(entry -> entry.listedFor(view.teams).contains(team))
                .forEach(entry -> list.add(new TeamItem<>(view.id, entry.id, entry.recordedAt, entry)));
    }

    @Override
    public List<TeamItem<IncidentSummary>> incidents(After after, int limit) {
        return page(incidents.stream(), after, limit);
    }

    @Override
    public List<TeamItem<IncidentView.Entry>> entries(EntryKind kind, After after, int limit) {
        return page(entries.getOrDefault(kind, List.of()).stream(), after, limit);
    }

    private static <T> List<TeamItem<T>> page(Stream<TeamItem<T>> items, After after, int limit) {
        return items.filter(item -> after == null || MOST_RECENT_FIRST.compare(item, position(after)) > 0)
                .limit(limit).toList();
    }

    private static TeamItem<Object> position(After after) {
        return new TeamItem<>(after.incidentId(), after.partId(), after.at(), null);
    }

    @Override
    public TeamTally tally() {
        Map<EntryKind, Long> counts = new EnumMap<>(EntryKind.class);
        entries.forEach((kind, list) -> counts.put(kind, (long) list.size()));
        Map<RemediationState, Long> states = new EnumMap<>(RemediationState.class);
        entries.getOrDefault(EntryKind.REMEDIATION, List.of()).forEach(item -> states.merge(
                ((IncidentView.Remediation) item.value()).state, 1L, Long::sum));
        return new TeamTally(incidents.size(), counts, states);
    }

    /** The past views carry their recurrences already. */
    @Override
    public List<IncidentView.Recurrence> recurrencesOf(Collection<String> incidentIds) {
        return List.of();
    }
}
