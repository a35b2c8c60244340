package org.incidentlearning.query.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incident views held in memory while one is rebuilt from the events recorded up to a past moment. */
final class RememberedIncidentViews implements IncidentViewStore {

    private final Map<String, IncidentView> views = new HashMap<>();

    @Override
    public Optional<IncidentView> find(String incidentId) {
        return Optional.ofNullable(views.get(incidentId));
    }

    @Override
    public void insert(IncidentView view) {
        view.refreshParticipants();
        views.put(view.id, view);
    }

    @Override
    public void update(IncidentView view, List<String> teamsBefore, List<String> componentsBefore) {
        view.refreshParticipants();
        views.put(view.id, view);
    }

    /** Only the incident's own events are replayed; recurrences of other incidents come from their rows, by time. */
    @Override
    public void addRecurrence(IncidentView.Recurrence recurrence) {
        // Intentionally empty: see above.
    }

    @Override
    public void deleteAll() {
        views.clear();
    }
}
