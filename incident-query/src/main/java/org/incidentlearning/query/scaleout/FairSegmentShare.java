package org.incidentlearning.query.scaleout;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.incidentlearning.store.SharedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Query nodes share each projection's segments evenly, through Axon's own claims. A node claims at most its fair
 * share (the processor's segments divided by the live projection nodes, rounded up) and gives back what it holds
 * beyond that, so a node that joins gets work within seconds; when a node dies, the survivors' share grows and they
 * claim its segments as soon as its claims time out.
 * <p>
 * Live nodes are counted in PostgreSQL's own session list, where every node names its sessions
 * {@code "<application> <node id>"} and keeps a few open; there is no membership protocol of ours. On H2 one
 * process owns the store file, so there is nothing to share and every node takes all segments, as Axon does by
 * default.
 */
@Component
public class FairSegmentShare implements MaxSegmentProvider {

    /** The deployables that run the projections: the query node and the single-process assembly. */
    private static final String LIVE_PROJECTION_NODES = """
            SELECT COUNT(DISTINCT application_name) FROM pg_stat_activity
            WHERE datname = current_database()
              AND (application_name LIKE 'incident-query %' OR application_name LIKE 'incident-learning %')""";
    private static final String SEGMENTS = "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?";
    private static final long REBALANCE_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(FairSegmentShare.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final boolean shared;
    private final ScheduledExecutorService rebalance = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "segment-share");
        thread.setDaemon(true);
        return thread;
    });

    public FairSegmentShare(DataSource dataSource, EventProcessingConfiguration processing, SharedStore store) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.processing = processing;
        this.shared = store.isShared();
    }

    @Autowired
    void limitClaims(EventProcessingConfigurer configurer) {
        configurer.registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.maxSegmentProvider(this));
    }

    @Override
    public int getMaxSegments(String processor) {
        if (!shared) {
            return Short.MAX_VALUE;
        }
        try {
            Integer segments = jdbc.queryForObject(SEGMENTS, Integer.class, processor);
            Integer nodes = jdbc.queryForObject(LIVE_PROJECTION_NODES, Integer.class);
            if (segments == null || segments == 0 || nodes == null || nodes <= 1) {
                return Short.MAX_VALUE;
            }
            return (segments + nodes - 1) / nodes;
        } catch (RuntimeException storeUnreachable) {
            // Claiming too much only delays the balance; claiming nothing would stop the projection.
            return Short.MAX_VALUE;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRebalancing() {
        if (shared) {
            rebalance.scheduleWithFixedDelay(this::releaseExcess, REBALANCE_SECONDS, REBALANCE_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /** A released segment stays unclaimed here for twice the claim interval, long enough for another node. */
    void releaseExcess() {
        try {
            processing.eventProcessors().values().stream()
                    .filter(PooledStreamingEventProcessor.class::isInstance)
                    .map(PooledStreamingEventProcessor.class::cast)
                    .filter(PooledStreamingEventProcessor::isRunning)
                    .forEach(processor -> {
                        int excess = processor.processingStatus().size() - getMaxSegments(processor.getName());
                        processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder())
                                .limit(Math.max(0, excess))
                                .forEach(segment -> {
                                    log.info("Giving segment {} of {} to another node", segment, processor.getName());
                                    processor.releaseSegment(segment);
                                });
                    });
        } catch (RuntimeException e) {
            log.warn("Could not rebalance the projections' segments; retrying", e);
        }
    }

    @PreDestroy
    void stop() {
        rebalance.shutdownNow();
    }
}
