package org.incidentlearning.query.incident;

import org.incidentlearning.query.hotspot.HotspotCounts;

/**
 * What a batch changes in the counts that many incidents share: the teams' counts and the hot-spot buckets. Both
 * segments of the processor (on any node) write the same rows of these, so a batch writes them once, after all its
 * other rows, the teams' counts first and each in a fixed order of keys: every batch then takes their row locks in
 * one order, and two batches never wait on each other in a circle.
 */
final class SharedCounts {

    private final TeamCounts.Deltas teams = new TeamCounts.Deltas();
    private final HotspotCounts.Deltas hotspots = new HotspotCounts.Deltas();

    void add(String team, String item, long delta) {
        teams.add(team, item, delta);
    }

    HotspotCounts.Deltas hotspots() {
        return hotspots;
    }

    TeamCounts.Deltas teams() {
        return teams;
    }
}
