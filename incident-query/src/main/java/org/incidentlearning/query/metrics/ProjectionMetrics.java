package org.incidentlearning.query.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentlearning.query.admin.ProjectionStatus;
import org.incidentlearning.query.admin.Projections;
import org.incidentlearning.query.incident.IncidentViewProjection;
import org.incidentlearning.query.learning.LearningProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a dashboard needs to see of the projections: per processor, how many events it is behind the store's head
 * ({@code incident.projection.lag}), how far a replay has come ({@code incident.projection.replay.progress}, 0–1;
 * absent when none ran on this node), and how long an event took from being stored to being in the view
 * ({@code incident.projection.update.latency}, live events only: a replay's old events would drown it).
 */
@Component
public class ProjectionMetrics {

    static final List<String> PROCESSORS = List.of(IncidentViewProjection.PROCESSING_GROUP,
            LearningProjection.PROCESSING_GROUP);

    private final Projections projections;
    private final MeterRegistry meters;
    private final Clock clock;

    public ProjectionMetrics(Projections projections, MeterRegistry meters, Optional<Clock> clock) {
        this.projections = projections;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
        // The gauges ask the projections when scraped, not now: at this point the processors may not run yet.
        for (String processor : PROCESSORS) {
            Gauge.builder("incident.projection.lag", () -> lag(processor))
                    .description("Events stored that the processor has not handled yet").tag("processor", processor)
                    .register(meters);
            Gauge.builder("incident.projection.replay.progress", () -> replayProgress(processor))
                    .description("The last replay's progress on this node, 0 to 1").tag("processor", processor)
                    .register(meters);
        }
    }

    @Autowired
    void measureUpdates(EventProcessingConfigurer configurer) {
        configurer.registerDefaultHandlerInterceptor((configuration, processor) -> new UpdateLatency(
                Timer.builder("incident.projection.update.latency")
                        .description("From an event's storing to its view's commit, live events only")
                        .tag("processor", processor).register(meters)));
    }

    private double lag(String processor) {
        Long lag = status(processor).map(ProjectionStatus::lag).orElse(null);
        return lag == null ? Double.NaN : lag;
    }

    private double replayProgress(String processor) {
        return status(processor).map(ProjectionStatus::replay).map(ProjectionStatus.Replay::progress)
                .orElse(Double.NaN);
    }

    private Optional<ProjectionStatus> status(String processor) {
        try {
            return Optional.of(projections.status(processor));
        } catch (RuntimeException notThere) {
            // A processor this node does not run (or a store not reachable right now) has no figure to give.
            return Optional.empty();
        }
    }

    private final class UpdateLatency implements MessageHandlerInterceptor<EventMessage<?>> {

        private final Timer timer;

        private UpdateLatency(Timer timer) {
            this.timer = timer;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            boolean replayed = event instanceof TrackedEventMessage<?> tracked
                               && ReplayToken.isReplay(tracked.trackingToken());
            Object result = chain.proceed();
            if (!replayed) {
                unitOfWork.afterCommit(committed -> timer.record(Duration.between(event.getTimestamp(),
                        clock.instant())));
            }
            return result;
        }
    }
}
