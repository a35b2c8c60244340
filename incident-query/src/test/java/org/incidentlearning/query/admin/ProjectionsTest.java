package org.incidentlearning.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentlearning.kernel.error.ErrorCode;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.query.rebuild.ViewRebuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Replay bookkeeping against a processor and a rebuild that move only when the test says so. */
class ProjectionsTest {

    private static final String NAME = "incident-views";
    private static final Segment[] SEGMENTS = Segment.ROOT_SEGMENT.split();

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final ViewRebuild rebuild = mock(ViewRebuild.class);
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
        projections = new Projections(processing, eventStore, rebuild);
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
    void aReplayIsRefusedWhileItRebuildsAndIsDoneOnlyOnceSwappedIn() throws Exception {
        CountDownLatch readHalf = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        doAnswer(invocation -> {
            LongConsumer rebuilt = invocation.getArgument(1);
            rebuilt.accept(4);
            readHalf.countDown();
            mayFinish.await(5, TimeUnit.SECONDS);
            rebuilt.accept(10);
            return null;
        }).when(rebuild).rebuild(eq(List.of(processor)), any());

        ProjectionStatus accepted = projections.replay(NAME);

        assertThat(accepted.replay().resetPosition()).isEqualTo(10);
        assertThat(accepted.replay().startedAt()).isNotNull();
        assertThat(readHalf.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(projections.status(NAME).replay().progress()).isEqualTo(0.4);
        assertThat(projections.status(NAME).running()).as("the live views stay current meanwhile").isTrue();
        assertRefused(() -> projections.replay(NAME));
        assertRefused(() -> projections.replayAll());

        mayFinish.countDown();
        assertThat(onceRecorded(() -> projections.status(NAME).replay().progress(), 1.0)).isEqualTo(1.0);
        assertThat(projections.status(NAME).replay().error()).isNull();
        assertThatCode(() -> projections.replay(NAME)).doesNotThrowAnyException();
    }

    @Test
    void aRebuildThatReadEverythingIsNotDoneBeforeItsSwap() throws Exception {
        CountDownLatch readAll = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        doAnswer(invocation -> {
            ((LongConsumer) invocation.getArgument(1)).accept(10);
            readAll.countDown();
            mayFinish.await(5, TimeUnit.SECONDS);
            return null;
        }).when(rebuild).rebuild(any(), any());

        projections.replayAll();

        assertThat(readAll.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(projections.status(NAME).replay().progress()).isLessThan(1.0);
        mayFinish.countDown();
        assertThat(onceRecorded(() -> projections.status(NAME).replay().progress(), 1.0)).isEqualTo(1.0);
        verify(rebuild).rebuild(eq(List.of(processor)), any());
    }

    @Test
    void aRebuildThatFailsIsReportedAndTheLiveViewsGoOn() throws Exception {
        doThrow(new UnableToClaimTokenException("segment 1 is claimed by another node"))
                .when(rebuild).rebuild(any(), any());

        projections.replay(NAME);

        String error = onceRecorded(() -> projections.status(NAME).replay().error(), null);
        assertThat(error).contains("Another query node holds segments", "segment 1 is claimed by another node");
        assertThat(projections.status(NAME).replay().progress()).isZero();
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

    /** The background rebuild records its outcome just after it returns: the first answer that is not null. */
    private static <T> T onceRecorded(Callable<T> answer, T expected) {
        return await("the rebuild's outcome").atMost(Duration.ofSeconds(5))
                .until(answer, value -> value != null && (expected == null || value.equals(expected)));
    }

    private static EventTrackerStatus segmentAt(int id, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(SEGMENTS[id]);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
