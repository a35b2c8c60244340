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
import org.incidentlearning.query.rebuild.ViewRebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The streaming projections of this node: how far each has come, and rebuilds from the first event for operators.
 * A replay rebuilds the views into fresh tables beside the live ones (see {@link ViewRebuild}) on a background thread,
 * so the request returns at once; reads go on being answered from the live views, which the processors keep current,
 * until the rebuilt ones are swapped in. A replay of several projections reads the store once for all of them.
 * <p>
 * The replay bookkeeping is in memory and per node: it covers replays started on this node since it started. The
 * swap needs every segment's claim, so a replay fails while another node holds one; the failure is reported in the
 * replay's {@code error}, and the live views and their processors go on as they were.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    /** Not done until swapped in: a rebuild that has read up to its start position still has to catch up and swap. */
    private static final double BEFORE_SWAP = 0.999;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ViewRebuild rebuild;
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();
    // One thread: replays asked for while one runs wait for it, and never rebuild the same tables at once.
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    public Projections(EventProcessingConfiguration processing, EventStore eventStore, ViewRebuild rebuild) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuild = rebuild;
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
        start(List.of(processor), head());
        return status(name);
    }

    /** All or none: refused while any of them replays. */
    public synchronized List<ProjectionStatus> replayAll() {
        List<StreamingEventProcessor> all = processors();
        refuseWhileReplaying(all);
        start(all, head());
        return statuses();
    }

    @PreDestroy
    void stop() {
        rebuilds.shutdownNow();
    }

    private void refuseWhileReplaying(List<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            ReplayRun run = replays.get(processor.getName());
            if (run != null && (run.phase() == Phase.QUEUED || run.phase() == Phase.REBUILDING)) {
                throw new IncidentRejection(ErrorCode.REPLAY_IN_PROGRESS, "Projection " + processor.getName()
                        + " is replaying since " + run.startedAt() + "; wait until its progress is 1.0");
            }
        }
    }

    private void start(List<StreamingEventProcessor> processors, long head) {
        Instant startedAt = Instant.now();
        AtomicLong rebuilt = new AtomicLong();
        List<String> names = processors.stream().map(StreamingEventProcessor::getName).toList();
        names.forEach(name -> replays.put(name, new ReplayRun(startedAt, head, Phase.QUEUED, null, rebuilt)));
        rebuilds.execute(() -> {
            names.forEach(name -> moveOn(name, run -> run.in(Phase.REBUILDING)));
            try {
                rebuild.rebuild(processors, rebuilt::set);
                names.forEach(name -> moveOn(name, run -> run.in(Phase.DONE)));
            } catch (Exception failure) {
                log.error("Rebuild of projections {} failed; the live views stay", names, failure);
                String error = failure instanceof UnableToClaimTokenException
                        ? "Another query node holds segments of " + String.join(", ", names) + ": a replay needs "
                          + "them all. Stop the other query nodes, replay on this one, then start them again ("
                          + failure.getMessage() + ")"
                        : failure.toString();
                names.forEach(name -> moveOn(name, run -> new ReplayRun(run.startedAt(), run.resetPosition(),
                        Phase.FAILED, error, run.rebuilt())));
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
                run == null ? null : replay(run));
    }

    private static ProjectionStatus.Replay replay(ReplayRun run) {
        double progress = switch (run.phase()) {
            case QUEUED, FAILED -> 0.0;
            case REBUILDING -> run.resetPosition() <= 0 ? BEFORE_SWAP
                    : Math.min(BEFORE_SWAP, (double) run.rebuilt().get() / run.resetPosition());
            case DONE -> 1.0;
        };
        return new ProjectionStatus.Replay(run.startedAt(), run.resetPosition(), progress, run.error());
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

    private enum Phase { QUEUED, REBUILDING, DONE, FAILED }

    /** One replay started here: replaced as it moves from phase to phase, with the rebuild's position as it goes. */
    private record ReplayRun(Instant startedAt, long resetPosition, Phase phase, String error, AtomicLong rebuilt) {

        ReplayRun in(Phase next) {
            return new ReplayRun(startedAt, resetPosition, next, error, rebuilt);
        }
    }
}
