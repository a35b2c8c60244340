package org.incidentlearning.query.stream;

import org.incidentlearning.query.QuerySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Live views over Server-Sent Events. Every message is the whole view as it stands, with the processor's position
 * as its id, so a client that reconnects with {@code Last-Event-ID} gets the current view at once unless nothing
 * changed since its last message: it misses nothing, however long it was away.
 * <p>
 * Memory is bounded: each client holds at most one rendering in flight and one "render again" flag. A client slower
 * than the views skips to the newest state instead of queueing old ones; a client whose send fails is dropped; at
 * most {@code incident.stream.max-clients} streams are open at once.
 */
@Component
public class ViewStream {

    private static final Logger log = LoggerFactory.getLogger(ViewStream.class);
    /** How long a browser's EventSource waits before reconnecting after the stream broke. */
    private static final Duration RECONNECT = Duration.ofSeconds(3);

    private final ViewPositions positions;
    private final int maxClients;
    private final Duration heartbeat;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService senders;

    public ViewStream(ViewPositions positions, QuerySettings settings) {
        this.positions = positions;
        this.maxClients = settings.stream().maxClients();
        this.heartbeat = settings.stream().heartbeat();
        this.senders = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "view-stream");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return null when the stream limit is reached */
    SseEmitter open(String name, String processor, Supplier<String> render, String lastEventId) {
        if (subscriptions.size() >= maxClients) {
            return null;
        }
        SseEmitter emitter = new SseEmitter(0L);
        Subscription subscription = new Subscription(name, processor, render, emitter, lastEventId);
        subscriptions.add(subscription);
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(subscription::close);
        emitter.onError(failure -> subscription.close());
        try {
            // Sent at once, so the response's headers leave even when the client is up to date and no view follows.
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("stream open"));
        } catch (IOException gone) {
            subscription.close();
            return emitter;
        }
        positions.listen(subscription.listener);
        subscription.heartbeat = senders.scheduleAtFixedRate(subscription::heartbeat, heartbeat.toMillis(),
                heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        subscription.changed();
        return emitter;
    }

    /**
     * Ends every stream as soon as the service starts to shut down: the web server's graceful shutdown waits for open
     * requests to finish, and a stream never finishes by itself. Browsers reconnect, to another node if there is one.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        subscriptions.forEach(subscription -> subscription.emitter.complete());
        senders.shutdownNow();
    }

    private final class Subscription {

        private final String name;
        private final String processor;
        private final Supplier<String> render;
        private final SseEmitter emitter;
        private final Consumer<String> listener;
        private String lastId;
        private String lastBody;
        private boolean sending;
        private boolean again;
        private ScheduledFuture<?> heartbeat;

        private Subscription(String name, String processor, Supplier<String> render, SseEmitter emitter,
                             String lastEventId) {
            this.name = name;
            this.processor = processor;
            this.render = render;
            this.emitter = emitter;
            this.lastId = lastEventId;
            this.listener = changedProcessor -> {
                if (changedProcessor.equals(processor)) {
                    changed();
                }
            };
        }

        /** At most one send in flight; changes meanwhile collapse into one more send of the newest state. */
        synchronized void changed() {
            if (sending) {
                again = true;
                return;
            }
            sending = true;
            senders.execute(this::send);
        }

        private void send() {
            try {
                String id = Long.toString(positions.position(processor));
                if (!id.equals(lastId)) {
                    String body = render.get();
                    if (!Objects.equals(body, lastBody)) {
                        emitter.send(SseEmitter.event().id(id).name(name).data(body, MediaType.APPLICATION_JSON));
                        lastBody = body;
                    }
                    lastId = id;
                }
            } catch (IOException | RuntimeException failure) {
                log.debug("Dropping a {} stream: {}", name, failure.toString());
                close();
                emitter.completeWithError(failure);
                return;
            }
            synchronized (this) {
                sending = false;
                if (again) {
                    again = false;
                    changed();
                }
            }
        }

        private void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("still here"));
            } catch (IOException | IllegalStateException gone) {
                close();
            }
        }

        void close() {
            if (subscriptions.remove(this)) {
                positions.forget(listener);
                if (heartbeat != null) {
                    heartbeat.cancel(false);
                }
            }
        }
    }
}
