package org.incidentlearning.store;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processors read it, telling their streams when new events are there. Axon's
 * embedded event store cannot: a pooled processor that finds no event looks again only half a second later, so a
 * view lagged that far behind a command. Here one watcher tails the store (the events it reads come from the same
 * cache the processors read, so they find them when told) and calls every open stream's callback as soon as an event
 * arrives, whether this node or another stored it.
 */
public class LiveEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean closed;

    public LiveEventSource(EventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new NotifyingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        closed = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }

    private synchronized void watch() {
        if (watcher != null || closed) {
            return;
        }
        watcher = new Thread(() -> {
            try (BlockingStream<TrackedEventMessage<?>> tail = store.openStream(store.createHeadToken())) {
                while (!closed) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (tail.hasNextAvailable()) {
                            tail.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }, "live-event-source");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** A processor's stream, whose callback the watcher calls when new events are there. */
    private final class NotifyingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        NotifyingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (callback != null) {
                callbacks.remove(callback);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            watch();
            return true;
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
