package org.incidentlearning.query.incident;

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

    void deleteAll();
}
