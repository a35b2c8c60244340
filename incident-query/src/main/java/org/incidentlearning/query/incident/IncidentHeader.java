package org.incidentlearning.query.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incident's view above its parts: what was declared and revised, its status and version, and which teams take
 * part. A team takes part while it was declared or while any live entry names it (its own entries, the teams a
 * coordination was with, the ends of a social linkage); the view lists the declared teams first, then the others in
 * the order they first took part.
 */
final class IncidentHeader {

    /** How a team takes part in an incident: declared or not, through how many live entries, and since when. */
    record Participation(boolean declared, int entries, long since) {
    }

    private final IncidentView view;
    private final Map<String, Participation> participants;
    private final Map<String, Instant> technicalLinkages;
    private boolean recurring;

    IncidentHeader(IncidentView view, Map<String, Participation> participants, Map<String, Instant> technicalLinkages,
                   boolean recurring) {
        this.view = view;
        this.participants = new LinkedHashMap<>(participants);
        this.technicalLinkages = new TreeMap<>(technicalLinkages);
        this.recurring = recurring;
    }

    /** The view's header fields; its lists of parts stay empty here. */
    IncidentView view() {
        return view;
    }

    Map<String, Participation> participants() {
        return participants;
    }

    /**
     * The live technical linkages found in this incident, by when each was recorded: every team taking part lists
     * them in its context, also a team that joins later.
     */
    Map<String, Instant> technicalLinkages() {
        return technicalLinkages;
    }

    void technicalLinkageFound(String linkageId, Instant recordedAt) {
        technicalLinkages.put(linkageId, recordedAt);
    }

    void technicalLinkageGone(String linkageId) {
        technicalLinkages.remove(linkageId);
    }

    /** Whether this incident recurs a declined remediation of an earlier one: hot spots count it. */
    boolean recurring() {
        return recurring;
    }

    void recurs() {
        recurring = true;
    }

    void declared(List<String> teams, long sequence) {
        teams.forEach(team -> participants.merge(team, new Participation(true, 0, sequence),
                (was, now) -> new Participation(true, was.entries(), was.since())));
    }

    void involve(String team, long sequence) {
        participants.merge(team, new Participation(false, 1, sequence),
                (was, now) -> new Participation(was.declared(), was.entries() + 1, was.since()));
    }

    void release(String team) {
        Participation was = participants.get(team);
        if (was == null) {
            return;
        }
        if (was.entries() <= 1 && !was.declared()) {
            participants.remove(team);
        } else {
            participants.put(team, new Participation(was.declared(), Math.max(0, was.entries() - 1), was.since()));
        }
    }

    /** The teams taking part, declared ones first in declaration order, then by when they first took part. */
    List<String> teams() {
        List<String> teams = new ArrayList<>(view.declaredTeams.stream().filter(participants::containsKey).toList());
        participants.entrySet().stream().filter(team -> !team.getValue().declared())
                .sorted(Comparator.comparingLong((Map.Entry<String, Participation> team) -> team.getValue().since())
                        .thenComparing(Map.Entry::getKey))
                .forEach(team -> teams.add(team.getKey()));
        return teams;
    }
}
