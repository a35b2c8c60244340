package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.remediation.RemediationState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One incident's view held in memory while it is rebuilt from the events recorded up to a past moment. Only the
 * incident's own events are replayed: what they write about another incident (a recurrence of that one's declined
 * remediation) is left out here, and the recurrences of its own remediations come from their rows, by time.
 */
final class RememberedIncidentViews implements IncidentViewStore {

    private final String incidentId;
    private IncidentHeader header;
    private final Map<String, IncidentPart> parts = new LinkedHashMap<>();

    RememberedIncidentViews(String incidentId) {
        this.incidentId = incidentId;
    }

    /** The view as the replayed events left it, without the recurrences later incidents linked. */
    Optional<IncidentView> view() {
        return Optional.ofNullable(header).map(kept -> IncidentComposition.compose(kept, parts.values()));
    }

    @Override
    public void declare(IncidentHeader declared) {
        header = declared;
    }

    @Override
    public Optional<IncidentHeader> header(String id) {
        return Optional.ofNullable(header).filter(kept -> kept.view().id.equals(id));
    }

    @Override
    public void changed(IncidentHeader changed) {
        header = changed;
    }

    @Override
    public void add(IncidentPart part) {
        if (part.incidentId().equals(incidentId)) {
            parts.put(key(part.section(), part.partId()), part);
        }
    }

    @Override
    public Optional<IncidentPart> part(String id, PartSection section, String partId) {
        return Optional.ofNullable(parts.get(key(section, partId)));
    }

    @Override
    public void replace(IncidentPart part) {
        add(part);
    }

    @Override
    public void remove(String id, PartSection section, String partId) {
        parts.remove(key(section, partId));
    }

    /** A team's context as of a past moment is folded from its incidents' views, not read from these rows. */
    @Override
    public void addTeamEntries(List<TeamEntry> entries) {
        // Nothing to keep: see above.
    }

    @Override
    public void removeTeamEntries(String id, PartSection section, String partId) {
        // Nothing to keep: see addTeamEntries.
    }

    @Override
    public void removeTeamEntries(List<TeamEntry> entries) {
        // Nothing to keep: see addTeamEntries.
    }

    @Override
    public void remediationState(String id, String remediationId, RemediationState state) {
        // Nothing to keep: see addTeamEntries.
    }

    private static String key(PartSection section, String partId) {
        return section + "/" + partId;
    }
}
