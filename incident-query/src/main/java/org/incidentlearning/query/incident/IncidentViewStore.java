package org.incidentlearning.query.incident;

import org.incidentlearning.kernel.remediation.RemediationState;

import java.util.List;
import java.util.Optional;

/**
 * Where the incident-view projection keeps an incident's view: its header, and its parts as rows of their own. The
 * database holds the live views; memory holds a view rebuilt as of a past moment. Nothing here reads or writes a
 * whole view: a change touches the header and the parts it is about.
 */
interface IncidentViewStore {

    void declare(IncidentHeader header);

    Optional<IncidentHeader> header(String incidentId);

    /** The header, changed by the caller, is to be written. */
    void changed(IncidentHeader header);

    void add(IncidentPart part);

    Optional<IncidentPart> part(String incidentId, PartSection section, String partId);

    void replace(IncidentPart part);

    void remove(String incidentId, PartSection section, String partId);

    /** Teams become part of an entry: a team's context lists it. */
    void addTeamEntries(List<TeamEntry> entries);

    /** An entry leaves every team's context. */
    void removeTeamEntries(String incidentId, PartSection section, String partId);

    /** Teams stop being part of entries (a team left an incident whose technical linkages it listed). */
    void removeTeamEntries(List<TeamEntry> entries);

    /** A remediation's state as the team's context counts it. */
    void remediationState(String incidentId, String remediationId, RemediationState state);
}
