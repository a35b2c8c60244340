package org.incidentlearning.query.stream;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The projections' own update signal: after a processor commits a batch, the highest global position it has made
 * visible, and a call to every listener with the processor's name. Streams use it to know when to render again.
 */
@Component
public class ViewPositions {

    private final Map<String, AtomicLong> positions = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Autowired
    void followProcessors(EventProcessingConfigurer configurer) {
        configurer.registerDefaultHandlerInterceptor((configuration, processor) -> new Follower(processor));
    }

    /** The highest global position this node's processor has committed; 0 before its first event. */
    public long position(String processor) {
        AtomicLong position = positions.get(processor);
        return position == null ? 0 : position.get();
    }

    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void forget(Consumer<String> listener) {
        listeners.remove(listener);
    }

    void committed(String processor, long position) {
        positions.computeIfAbsent(processor, name -> new AtomicLong()).accumulateAndGet(position, Math::max);
        listeners.forEach(listener -> listener.accept(processor));
    }

    private final class Follower implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;

        private Follower(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null) {
                tracked.trackingToken().position().ifPresent(position ->
                        unitOfWork.afterCommit(committed -> committed(processor, position)));
            }
            return result;
        }
    }
}
