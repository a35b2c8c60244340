package org.incidentlearning.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * How far one streaming projection has come on this node. Positions are global event-store indexes: {@code head}
 * is the newest stored event, {@code position} the lowest position among the segments this node processes (null
 * when it processes none), {@code lag} how many positions that is behind the head.
 */
public record ProjectionStatus(String name, boolean running, List<Segment> segments, Long position, long head,
                               Long lag, Replay replay) {

    /** One segment this node has claimed; {@code position} 0 means it has not handled an event yet. */
    public record Segment(int id, long position, boolean caughtUp, boolean replaying, String error) {
    }

    /**
     * The last replay started on this node: {@code resetPosition} is the head when it started, {@code progress}
     * the lowest segment position over it (0.0–1.0; 1.0 once every segment reached it); {@code error} says why it
     * could not start, leaving the projection where it was.
     */
    public record Replay(Instant startedAt, long resetPosition, double progress, String error) {
    }
}
