package org.incidentlearning.query.incident;

import java.util.List;
import java.util.Optional;

/**
 * Where the incident-view projection keeps its documents: the database for the live views, memory for a view
 * rebuilt as of a past moment.
 */
public interface IncidentViewStore {

    Optional<IncidentView> find(String incidentId);

    void insert(IncidentView view);

    void update(IncidentView view, List<String> teamsBefore, List<String> componentsBefore);

    void addRecurrence(IncidentView.Recurrence recurrence);

    void deleteAll();
}
