package org.incidentlearning.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Replay bookkeeping against a processor that moves only when the test says so. */
class ProjectionsTest {

    private static final String NAME = "incident-views";
    private static final Segment[] SEGMENTS = Segment.ROOT_SEGMENT.split();

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final Map<Integer, EventTrackerStatus> claimed = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Projections projections;

    @BeforeEach
    void aProcessorOfTwoSegmentsWithTenStoredEvents() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        TokenStore tokens = mock(TokenStore.class);
        when(processing.eventProcessors()).thenReturn(Map.of(NAME, processor));
        when(processing.eventProcessor(NAME, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processing.tokenStore(NAME)).thenReturn(tokens);
        when(tokens.fetchSegments(NAME)).thenReturn(new int[]{0, 1});
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(10));
        when(processor.getName()).thenReturn(NAME);
        when(processor.isRunning()).thenAnswer(invocation -> running);
        when(processor.processingStatus()).thenAnswer(invocation -> Map.copyOf(claimed));
        doAnswer(invocation -> running = false).when(processor).shutDown();
        doAnswer(invocation -> running = true).when(processor).start();
        claimed.put(0, segmentAt(0, 10));
        claimed.put(1, segmentAt(1, 10));
        projections = new Projections(processing, eventStore);
    }

    @AfterEach
    void stopReplays() {
        projections.stop();
    }

    @Test
    void theStatusComparesTheLowestSegmentWithTheHead() {
        claimed.put(0, segmentAt(0, 7));
        claimed.put(1, segmentAt(1, 9));

        ProjectionStatus status = projections.status(NAME);

        assertThat(status.running()).isTrue();
        assertThat(status.segments()).extracting(ProjectionStatus.Segment::id).containsExactly(0, 1);
        assertThat(status.position()).isEqualTo(7);
        assertThat(status.head()).isEqualTo(10);
        assertThat(status.lag()).isEqualTo(3);
        assertThat(status.replay()).isNull();
    }

    @Test
    void withoutClaimedSegmentsThePositionIsUnknownHere() {
        claimed.clear();

        ProjectionStatus status = projections.status(NAME);

        assertThat(status.segments()).isEmpty();
        assertThat(status.position()).isNull();
        assertThat(status.lag()).isNull();
    }

    @Test
    void aReplayIsRefusedUntilEverySegmentReachedTheHeadOfItsStart() throws Exception {
        CountDownLatch resetMayGoOn = new CountDownLatch(1);
        doAnswer(invocation -> {
            resetMayGoOn.await(5, TimeUnit.SECONDS);
            running = false;
            return null;
        }).when(processor).shutDown();

        ProjectionStatus accepted = projections.replay(NAME);

        assertThat(accepted.replay().resetPosition()).isEqualTo(10);
        assertThat(accepted.replay().startedAt()).isNotNull();
        assertThat(accepted.replay().progress()).isZero();
        assertRefused(() -> projections.replay(NAME));
        assertRefused(() -> projections.replayAll());

        claimed.put(0, segmentAt(0, 0));
        claimed.put(1, segmentAt(1, 0));
        resetMayGoOn.countDown();
        verify(processor, timeout(5_000)).start();
        claimed.put(0, segmentAt(0, 4));
        claimed.put(1, segmentAt(1, 10));
        assertThat(onceRecorded(() -> projections.status(NAME).replay().progress())).isEqualTo(0.4);
        assertRefused(() -> projections.replay(NAME));

        claimed.put(0, segmentAt(0, 10));
        assertThat(projections.status(NAME).replay().progress()).isEqualTo(1.0);
        assertThat(projections.status(NAME).lag()).isZero();
        assertThatCode(() -> projections.replay(NAME)).doesNotThrowAnyException();
    }

    @Test
    void aSegmentNotClaimedYetHoldsTheProgressBack() throws Exception {
        claimed.put(1, segmentAt(1, 5));
        projections.replay(NAME);
        assertThat(onceRecorded(() -> projections.status(NAME).replay().progress())).isEqualTo(0.5);

        claimed.remove(1);

        assertThat(projections.status(NAME).replay().progress()).isZero();
        assertRefused(() -> projections.replay(NAME));
    }

    @Test
    void aResetThatFailsIsReportedAndTheProjectionGoesOn() throws Exception {
        doThrow(new IllegalStateException("segment 1 is claimed by another node")).when(processor).resetTokens();

        projections.replay(NAME);

        verify(processor, timeout(5_000)).start();
        String error = onceRecorded(() -> projections.status(NAME).replay().error());
        assertThat(error).contains("segment 1 is claimed by another node");
        assertThat(projections.status(NAME).running()).isTrue();
        assertThatCode(() -> projections.replay(NAME)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownProjectionIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> projections.replay("nope"))
                .isInstanceOfSatisfying(IncidentRejection.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ErrorCode.UNKNOWN_PROJECTION);
                    assertThat(rejection.getMessage()).contains("nope", NAME);
                });
        assertThatThrownBy(() -> projections.status("nope")).isInstanceOf(IncidentRejection.class);
    }

    private static void assertRefused(Runnable replay) {
        assertThatThrownBy(replay::run).isInstanceOfSatisfying(IncidentRejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(ErrorCode.REPLAY_IN_PROGRESS));
    }

    /** The background reset records its outcome just after it returns; the first non-zero, non-null answer. */
    private static <T> T onceRecorded(Callable<T> answer) {
        return await("the reset's outcome").atMost(Duration.ofSeconds(5))
                .until(answer, value -> value != null && !value.equals(0.0));
    }

    private static EventTrackerStatus segmentAt(int id, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(SEGMENTS[id]);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
