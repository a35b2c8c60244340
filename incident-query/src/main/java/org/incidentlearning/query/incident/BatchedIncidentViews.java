package org.incidentlearning.query.incident;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incident views as the live projection changes them: within one batch of events (one unit of work, one
 * transaction) each incident's header is read at most once and written once, and every part the batch adds,
 * changes or removes is written with one batch statement per kind of change, just before the batch commits. A part
 * added and changed in the same batch is inserted once as it ends up. No write reads or rewrites a whole view, so an
 * event costs the same in an incident of ten entries or of ten thousand. Outside a unit of work every call goes
 * straight to the database.
 */
@Component
@Primary
class BatchedIncidentViews implements IncidentViewStore {

    private static final String PENDING = BatchedIncidentViews.class.getName() + ".pending";

    private final IncidentViews stored;

    BatchedIncidentViews(IncidentViews stored) {
        this.stored = stored;
    }

    record PartKey(String incidentId, PartSection section, String partId) {

        static PartKey of(IncidentPart part) {
            return new PartKey(part.incidentId(), part.section(), part.partId());
        }
    }

    /** A header read or declared in this batch, with what its filter rows held when the batch read it. */
    private static final class PendingHeader {
        private final IncidentHeader header;
        private final boolean isNew;
        private final List<String> teamsBefore;
        private final List<String> componentsBefore;
        private final boolean recurringBefore;
        private boolean changed;

        PendingHeader(IncidentHeader header, boolean isNew) {
            this.header = header;
            this.isNew = isNew;
            this.teamsBefore = List.copyOf(header.teams());
            this.componentsBefore = List.copyOf(header.view().components);
            this.recurringBefore = header.recurring();
        }
    }

    /** What one batch changed, in the order it changed it. */
    private static final class Batch {
        private final Map<String, PendingHeader> headers = new LinkedHashMap<>();
        private final Map<PartKey, IncidentPart> inserted = new LinkedHashMap<>();
        private final Map<PartKey, IncidentPart> updated = new LinkedHashMap<>();
        private final Set<PartKey> deleted = new LinkedHashSet<>();
        private final Set<TeamEntry> teamEntries = new LinkedHashSet<>();
        private final Set<PartKey> teamEntriesRemoved = new LinkedHashSet<>();
        private final Set<TeamEntry> teamEntriesLeft = new LinkedHashSet<>();
        private final Map<PartKey, RemediationState> remediationStates = new LinkedHashMap<>();

        void clear() {
            headers.clear();
            inserted.clear();
            updated.clear();
            deleted.clear();
            teamEntries.clear();
            teamEntriesRemoved.clear();
            teamEntriesLeft.clear();
            remediationStates.clear();
        }
    }

    @Override
    public void declare(IncidentHeader header) {
        Batch batch = batch();
        if (batch == null) {
            stored.declare(header);
        } else {
            batch.headers.put(header.view().id, new PendingHeader(header, true));
        }
    }

    @Override
    public Optional<IncidentHeader> header(String incidentId) {
        Batch batch = batch();
        if (batch == null) {
            return stored.header(incidentId);
        }
        PendingHeader pending = batch.headers.get(incidentId);
        if (pending != null) {
            return Optional.of(pending.header);
        }
        Optional<IncidentHeader> loaded = stored.header(incidentId);
        loaded.ifPresent(header -> batch.headers.put(incidentId, new PendingHeader(header, false)));
        return loaded;
    }

    @Override
    public void changed(IncidentHeader header) {
        Batch batch = batch();
        if (batch == null) {
            stored.changed(header);
        } else {
            batch.headers.get(header.view().id).changed = true;
        }
    }

    @Override
    public void add(IncidentPart part) {
        Batch batch = batch();
        if (batch == null) {
            stored.add(part);
        } else {
            batch.inserted.put(PartKey.of(part), part);
        }
    }

    @Override
    public Optional<IncidentPart> part(String incidentId, PartSection section, String partId) {
        Batch batch = batch();
        if (batch == null) {
            return stored.part(incidentId, section, partId);
        }
        PartKey key = new PartKey(incidentId, section, partId);
        if (batch.deleted.contains(key)) {
            return Optional.empty();
        }
        IncidentPart pending = batch.inserted.containsKey(key) ? batch.inserted.get(key) : batch.updated.get(key);
        return pending != null ? Optional.of(pending) : stored.part(incidentId, section, partId);
    }

    @Override
    public void replace(IncidentPart part) {
        Batch batch = batch();
        if (batch == null) {
            stored.replace(part);
            return;
        }
        PartKey key = PartKey.of(part);
        if (batch.inserted.containsKey(key)) {
            batch.inserted.put(key, part);
        } else {
            batch.updated.put(key, part);
        }
    }

    @Override
    public void remove(String incidentId, PartSection section, String partId) {
        Batch batch = batch();
        if (batch == null) {
            stored.remove(incidentId, section, partId);
            return;
        }
        PartKey key = new PartKey(incidentId, section, partId);
        if (batch.inserted.remove(key) == null) {
            batch.updated.remove(key);
            batch.deleted.add(key);
        }
    }

    @Override
    public void addTeamEntries(List<TeamEntry> entries) {
        Batch batch = batch();
        if (batch == null) {
            stored.addTeamEntries(entries);
            return;
        }
        for (TeamEntry entry : entries) {
            if (!batch.teamEntriesLeft.remove(entry)) {
                batch.teamEntries.add(entry);
            }
        }
    }

    @Override
    public void removeTeamEntries(String incidentId, PartSection section, String partId) {
        Batch batch = batch();
        if (batch == null) {
            stored.removeTeamEntries(incidentId, section, partId);
            return;
        }
        PartKey key = new PartKey(incidentId, section, partId);
        batch.teamEntries.removeIf(entry -> entry.of(key));
        batch.teamEntriesLeft.removeIf(entry -> entry.of(key));
        batch.remediationStates.remove(key);
        batch.teamEntriesRemoved.add(key);
    }

    @Override
    public void removeTeamEntries(List<TeamEntry> entries) {
        Batch batch = batch();
        if (batch == null) {
            stored.removeTeamEntries(entries);
            return;
        }
        for (TeamEntry entry : entries) {
            if (!batch.teamEntries.remove(entry)) {
                batch.teamEntriesLeft.add(entry);
            }
        }
    }

    @Override
    public void remediationState(String incidentId, String remediationId, RemediationState state) {
        Batch batch = batch();
        if (batch == null) {
            stored.remediationState(incidentId, remediationId, state);
        } else {
            batch.remediationStates.put(new PartKey(incidentId, PartSection.REMEDIATION, remediationId), state);
        }
    }

    /** This batch's changes, written when it prepares to commit; null outside a batch. */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(unitOfWork -> write(batch));
            return batch;
        });
    }

    private void write(Batch batch) {
        List<IncidentHeader> declared = new ArrayList<>();
        List<IncidentViews.HeaderChange> changed = new ArrayList<>();
        for (PendingHeader pending : batch.headers.values()) {
            if (pending.isNew) {
                declared.add(pending.header);
            } else if (pending.changed) {
                changed.add(new IncidentViews.HeaderChange(pending.header, pending.teamsBefore,
                        pending.componentsBefore, pending.recurringBefore));
            }
        }
        SharedCounts counts = new SharedCounts();
        stored.insertHeaders(declared, counts);
        stored.updateHeaders(changed, counts);
        stored.insertParts(batch.inserted.values());
        stored.updateParts(batch.updated.values());
        stored.deleteParts(batch.deleted.stream()
                .map(key -> IncidentViews.key(key.incidentId(), key.section(), key.partId())).toList());
        stored.insertTeamEntries(batch.teamEntries, counts);
        stored.updateRemediationStates(batch.remediationStates.entrySet().stream()
                .map(state -> IncidentViews.remediationStateRow(state.getKey().incidentId(),
                        state.getKey().partId(), state.getValue())).toList(), counts);
        stored.deleteTeamEntries(batch.teamEntriesRemoved.stream()
                .map(key -> IncidentViews.key(key.incidentId(), key.section(), key.partId())).toList(), counts);
        stored.deleteTeamEntriesOf(batch.teamEntriesLeft, counts);
        stored.applyCounts(counts);
        batch.clear();
    }
}
