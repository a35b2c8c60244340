package org.incidentlearning.query.incident;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentlearning.query.QuerySettings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Read-your-writes for clients of an eventually consistent view: a read waits, briefly and boundedly, until the
 * view has caught up with what was already stored when the read arrived.
 */
@Component
public class ViewFreshness {

    private static final long POLL_MILLIS = 5;

    private final EventStore eventStore;
    private final IncidentViews views;
    private final StoredProgress progress;
    private final Duration maxWait;

    public ViewFreshness(EventStore eventStore, IncidentViews views, StoredProgress progress,
                         QuerySettings settings) {
        this.eventStore = eventStore;
        this.views = views;
        this.progress = progress;
        this.maxWait = settings.readYourWritesTimeout();
    }

    /** @return the incident's stored version, or empty when no such incident was ever declared */
    public Optional<Long> awaitIncident(String incidentId) {
        Optional<Long> stored = eventStore.lastSequenceNumberFor(incidentId).map(sequence -> sequence + 1);
        stored.ifPresent(version -> await(() -> views.version(incidentId) >= version));
        return stored;
    }

    /** Waits until the incident-view processor has handled every event stored before the call. */
    public void awaitAll() {
        awaitAll(IncidentViewProjection.PROCESSING_GROUP);
    }

    /**
     * Waits until the processor of {@code processingGroup} has handled every event stored before the call, in every
     * segment, whichever node holds it.
     */
    public void awaitAll(String processingGroup) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        if (headPosition.isPresent()) {
            await(() -> progress.everySegmentReached(processingGroup, headPosition.getAsLong()));
        }
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
