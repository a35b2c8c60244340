package org.incidentlearning.query.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.web.Uncapped;
import org.springframework.lang.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * How far one streaming projection has come on this node. Positions are global event-store indexes: {@code head}
 * is the newest stored event, {@code position} the lowest position among the segments this node processes (null
 * when it processes none), {@code lag} how many positions that is behind the head.
 */
public record ProjectionStatus(@Schema(pattern = ProjectionAdminController.NAME_PATTERN,
                                       maxLength = ProjectionAdminController.NAME_LENGTH) String name,
                               boolean running,
                               @Uncapped("as many as the processor is split into") List<Segment> segments,
                               @Nullable @Schema(minimum = "0") Long position, @Schema(minimum = "0") long head,
                               @Nullable @Schema(minimum = "0") Long lag, @Nullable Replay replay) {

    /** One segment this node has claimed; {@code position} 0 means it has not handled an event yet. */
    public record Segment(@Schema(minimum = "0") int id, @Schema(minimum = "0") long position, boolean caughtUp,
                          boolean replaying,
                          @Nullable @Uncapped("why the segment stopped, in the failure's own words") String error) {
    }

    /**
     * The last replay started on this node: {@code resetPosition} is the head when it started, {@code progress}
     * the lowest segment position over it (0.0–1.0; 1.0 once every segment reached it); {@code error} says why it
     * could not start, leaving the projection where it was.
     */
    public record Replay(Instant startedAt, @Schema(minimum = "0") long resetPosition,
                         @Schema(minimum = "0", maximum = "1") double progress,
                         @Nullable @Uncapped("why the replay could not start, in the failure's own words")
                         String error) {
    }
}
