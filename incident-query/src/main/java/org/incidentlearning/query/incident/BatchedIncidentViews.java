package org.incidentlearning.query.incident;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident views as the live projection changes them: within one batch of events (one unit of work, one
 * transaction) a view is read from the database once, changed in memory by every event of the batch, and written
 * once just before the batch commits. A busy incident with many events in a batch, and a replay reading incident
 * after incident, so cost one read and one write per incident and batch instead of one per event. Outside a unit of
 * work every call goes straight to the database.
 */
@Component
@Primary
public class BatchedIncidentViews implements IncidentViewStore {

    private static final String PENDING = BatchedIncidentViews.class.getName() + ".pending";

    private final IncidentViews stored;

    public BatchedIncidentViews(IncidentViews stored) {
        this.stored = stored;
    }

    /** A view changed in this batch, with what the database holds of it (nothing yet, if it is new). */
    private static final class Pending {
        private final IncidentView view;
        private final boolean isNew;
        private final List<String> storedTeams;
        private final List<String> storedComponents;
        private boolean changed;

        Pending(IncidentView view, boolean isNew, List<String> storedTeams, List<String> storedComponents) {
            this.view = view;
            this.isNew = isNew;
            this.storedTeams = storedTeams;
            this.storedComponents = storedComponents;
            this.changed = isNew;
        }
    }

    @Override
    public Optional<IncidentView> find(String incidentId) {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            return stored.find(incidentId);
        }
        Pending known = pending.get(incidentId);
        if (known != null) {
            return Optional.of(known.view);
        }
        Optional<IncidentView> loaded = stored.find(incidentId);
        loaded.ifPresent(view -> pending.put(incidentId, new Pending(view, false, List.copyOf(view.teams),
                List.copyOf(view.components))));
        return loaded;
    }

    @Override
    public void insert(IncidentView view) {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            stored.insert(view);
        } else {
            pending.put(view.id, new Pending(view, true, List.of(), List.of()));
        }
    }

    @Override
    public void update(IncidentView view, List<String> teamsBefore, List<String> componentsBefore) {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            stored.update(view, teamsBefore, componentsBefore);
            return;
        }
        Pending known = pending.computeIfAbsent(view.id, id -> new Pending(view, false, teamsBefore,
                componentsBefore));
        known.changed = true;
    }

    @Override
    public void addRecurrence(IncidentView.Recurrence recurrence) {
        stored.addRecurrence(recurrence);
    }

    @Override
    public void deleteAll() {
        Map<String, Pending> pending = pending();
        if (pending != null) {
            pending.clear();
        }
        stored.deleteAll();
    }

    /** This batch's changed views, written to the database when it prepares to commit; null outside a batch. */
    private Map<String, Pending> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Map<String, Pending> views = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> write(views));
            return views;
        });
    }

    private void write(Map<String, Pending> views) {
        for (Pending pending : views.values()) {
            if (pending.isNew) {
                stored.insert(pending.view);
            } else if (pending.changed) {
                stored.update(pending.view, pending.storedTeams, pending.storedComponents);
            }
        }
        views.clear();
    }
}
