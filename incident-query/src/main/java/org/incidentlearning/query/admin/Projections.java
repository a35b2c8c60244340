package org.incidentlearning.query.admin;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The streaming projections of this node: how far each has come, and replays from the first event for operators.
 * A replay shuts the processor down, resets its tokens (its reset handler empties the views) and starts it again,
 * on a background thread so the request returns at once; reads go on being answered meanwhile and show the views
 * as far as they have been rebuilt (an incident not rebuilt yet answers 503 VIEW_NOT_READY).
 * <p>
 * The replay bookkeeping is in memory and per node: it covers replays started on this node since it started, and a
 * segment counts towards progress only once this node has claimed it. A reset needs every segment's claim, so it
 * fails while another node holds one; the failure is reported in the replay's {@code error}.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();
    // One thread: replays of several projections are reset one after another, then rebuild side by side.
    private final ExecutorService resets = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    public Projections(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().stream().map(processor -> status(processor, head)).toList();
    }

    public ProjectionStatus status(String name) {
        return status(processor(name), head());
    }

    /** @throws IncidentRejection UNKNOWN_PROJECTION, or REPLAY_IN_PROGRESS while this projection replays */
    public synchronized ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        refuseWhileReplaying(List.of(processor));
        start(processor, head());
        return status(name);
    }

    /** All or none: refused while any of them replays. */
    public synchronized List<ProjectionStatus> replayAll() {
        List<StreamingEventProcessor> all = processors();
        refuseWhileReplaying(all);
        long head = head();
        all.forEach(processor -> start(processor, head));
        return statuses();
    }

    @PreDestroy
    void stop() {
        resets.shutdownNow();
    }

    private void refuseWhileReplaying(List<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            ReplayRun run = replays.get(processor.getName());
            if (run != null && inProgress(run, replay(processor, run))) {
                throw new IncidentRejection(ErrorCode.REPLAY_IN_PROGRESS, "Projection " + processor.getName()
                        + " is replaying since " + run.startedAt() + "; wait until its progress is 1.0");
            }
        }
    }

    private static boolean inProgress(ReplayRun run, ProjectionStatus.Replay replay) {
        return run.phase() == Phase.RESETTING || run.phase() == Phase.REPLAYING && replay.progress() < 1.0;
    }

    private void start(StreamingEventProcessor processor, long head) {
        String name = processor.getName();
        replays.put(name, new ReplayRun(Instant.now(), head, Phase.RESETTING, null));
        resets.execute(() -> {
            try {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
                moveOn(name, run -> run.in(Phase.REPLAYING));
            } catch (RuntimeException failure) {
                log.error("Replay of projection {} could not start", name, failure);
                String error = failure instanceof UnableToClaimTokenException
                        ? "Another query node holds segments of " + name + ": a replay needs them all. Stop the "
                          + "other query nodes, replay on this one, then start them again (" + failure.getMessage()
                          + ")"
                        : failure.toString();
                moveOn(name, run -> new ReplayRun(run.startedAt(), run.resetPosition(), Phase.FAILED, error));
                // Never left stopped: the projection goes on from whatever tokens it has.
                if (!processor.isRunning()) {
                    processor.start();
                }
            }
        });
    }

    private void moveOn(String name, UnaryOperator<ReplayRun> change) {
        replays.computeIfPresent(name, (key, run) -> change.apply(run));
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        List<ProjectionStatus.Segment> segments = processor.processingStatus().values().stream()
                .map(Projections::segment)
                .sorted(Comparator.comparingInt(ProjectionStatus.Segment::id))
                .toList();
        OptionalLong lowest = segments.stream().mapToLong(ProjectionStatus.Segment::position).min();
        Long position = lowest.isPresent() ? lowest.getAsLong() : null;
        Long lag = position == null ? null : Math.max(0, head - position);
        ReplayRun run = replays.get(processor.getName());
        return new ProjectionStatus(processor.getName(), processor.isRunning(), segments, position, head, lag,
                run == null ? null : replay(processor, run));
    }

    private ProjectionStatus.Replay replay(StreamingEventProcessor processor, ReplayRun run) {
        double progress = switch (run.phase()) {
            case RESETTING, FAILED -> 0.0;
            case REPLAYING -> progress(processor, run.resetPosition());
            case DONE -> 1.0;
        };
        if (run.phase() == Phase.REPLAYING && progress >= 1.0) {
            // Done for good: a later stop of the processor must not turn a finished replay back into a running one.
            moveOn(processor.getName(), current -> current.equals(run) ? run.in(Phase.DONE) : current);
        }
        return new ProjectionStatus.Replay(run.startedAt(), run.resetPosition(), progress, run.error());
    }

    /** Over every segment in the token store: one this node has not claimed yet has not moved on. */
    private double progress(StreamingEventProcessor processor, long resetPosition) {
        if (resetPosition <= 0) {
            return 1.0;
        }
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        long lowest = Arrays.stream(processing.tokenStore(processor.getName()).fetchSegments(processor.getName()))
                .mapToLong(segment -> claimed.containsKey(segment) ? position(claimed.get(segment)) : 0)
                .min()
                .orElse(0);
        return Math.min(1.0, (double) lowest / resetPosition);
    }

    private static ProjectionStatus.Segment segment(EventTrackerStatus status) {
        return new ProjectionStatus.Segment(status.getSegment().getSegmentId(), position(status),
                status.isCaughtUp(), status.isReplaying(),
                status.isErrorState() ? String.valueOf(status.getError()) : null);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(0);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IncidentRejection(ErrorCode.UNKNOWN_PROJECTION, "No projection named " + name
                        + "; known: " + processors().stream().map(StreamingEventProcessor::getName).toList()));
    }

    private enum Phase { RESETTING, REPLAYING, DONE, FAILED }

    /** One replay started here; replaced, never changed, as it moves from phase to phase. */
    private record ReplayRun(Instant startedAt, long resetPosition, Phase phase, String error) {

        ReplayRun in(Phase next) {
            return new ReplayRun(startedAt, resetPosition, next, error);
        }
    }
}
