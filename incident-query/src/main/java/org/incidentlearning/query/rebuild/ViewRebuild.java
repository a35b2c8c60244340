package org.incidentlearning.query.rebuild;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.incidentlearning.store.EventsInOrder;
import org.incidentlearning.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Rebuilds views at the store's speed: the events are read in one streaming query and applied by the projections'
 * own handlers, thousands per unit of work and transaction, each processing group on a connection and thread of its
 * own, into fresh empty tables whose secondary indexes are built after the load. Live processing goes on into the old
 * tables meanwhile, and reads keep answering from them. At the end the processors stop, the rebuild reads what
 * arrived since, the fresh tables are swapped in and the processors' tokens set to where the rebuild stopped (written
 * here rather than through the token store so that, on PostgreSQL, swap and tokens are one transaction), and the
 * processors start again from there.
 */
@Component
public class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

    /** Events per unit of work: each incident's header is read and written once per batch, not once per event. */
    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final EventsInOrder events;
    private final Map<String, RebuildableViews> views;
    private final TokenStore tokenStore;
    private final TokenSchema tokenSchema;
    private final Serializer serializer;
    private final TransactionManager transactions;
    private final String nodeId;

    public ViewRebuild(DataSource dataSource, EventsInOrder events, List<RebuildableViews> views,
                       TokenStore tokenStore, TokenSchema tokenSchema, Serializer serializer,
                       TransactionManager transactions, StoreSettings settings) {
        this.dataSource = dataSource;
        this.events = events;
        this.views = views.stream().collect(Collectors.toMap(RebuildableViews::processingGroup, Function.identity()));
        this.tokenStore = tokenStore;
        this.tokenSchema = tokenSchema;
        this.serializer = serializer;
        this.transactions = transactions;
        this.nodeId = settings.nodeId();
    }

    /**
     * Rebuilds the processors' views from the first event and swaps them in. Fails, leaving the live views and
     * tokens as they were, when another node holds a segment of one of them.
     *
     * @param rebuilt told the global index of the last event applied, as the rebuild goes
     */
    public void rebuild(List<StreamingEventProcessor> processors, LongConsumer rebuilt) throws Exception {
        List<RebuildableViews> rebuilding = processors.stream().map(processor -> {
            RebuildableViews group = views.get(processor.getName());
            if (group == null) {
                throw new IllegalStateException("No rebuild is defined for " + processor.getName());
            }
            return group;
        }).toList();
        List<String> tables = rebuilding.stream().flatMap(group -> group.tables().stream()).toList();
        try (Connection connection = dataSource.getConnection(); Load load = new Load(rebuilding, rebuilt)) {
            connection.setAutoCommit(false);
            try {
                FreshTables fresh = new FreshTables(connection, tables);
                fresh.create();
                connection.commit();
                long started = System.nanoTime();
                GapAwareTrackingToken token = events.read(null, load::add);
                load.finish();
                long loaded = System.nanoTime();
                fresh.index();
                connection.commit();
                long indexed = System.nanoTime();
                swapIn(processors, fresh, load, token, connection);
                log.info("Rebuilt {} from {} events: loaded in {} ms, indexed in {} ms, caught up and swapped in {} "
                         + "ms", rebuilding.stream().map(RebuildableViews::processingGroup).toList(), load.applied,
                        (loaded - started) / 1_000_000, (indexed - loaded) / 1_000_000,
                        (System.nanoTime() - indexed) / 1_000_000);
            } catch (Exception failure) {
                connection.rollback();
                throw failure;
            }
        }
    }

    /** The processors stop, the rebuild takes in what arrived since it read, and the fresh tables go live. */
    private void swapIn(List<StreamingEventProcessor> processors, FreshTables fresh, Load load,
                        GapAwareTrackingToken read, Connection connection) throws Exception {
        processors.forEach(StreamingEventProcessor::shutDown);
        List<int[]> claimed = new ArrayList<>();
        try {
            for (int index = 0; index < processors.size(); index++) {
                String name = processors.get(index).getName();
                int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
                for (int segment : segments) {
                    // A claim this node holds keeps other nodes' processors off the old tables until the swap.
                    transactions.executeInTransaction(() -> tokenStore.fetchToken(name, segment));
                }
                claimed.add(segments);
            }
            GapAwareTrackingToken token = events.read(read, load::add);
            load.finish();
            fresh.swap();
            for (int index = 0; index < processors.size(); index++) {
                storeTokens(connection, processors.get(index).getName(), claimed.get(index), token);
            }
            connection.commit();
        } finally {
            for (int index = 0; index < claimed.size(); index++) {
                String name = processors.get(index).getName();
                for (int segment : claimed.get(index)) {
                    transactions.executeInTransaction(() -> tokenStore.releaseClaim(name, segment));
                }
            }
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    /** Every segment goes on from where the rebuild stopped, written while this node still holds its claim. */
    private void storeTokens(Connection connection, String processor, int[] segments, GapAwareTrackingToken token)
            throws SQLException {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tokenSchema.tokenTable() + " SET "
                + tokenSchema.tokenColumn() + " = ?, " + tokenSchema.tokenTypeColumn() + " = ?, "
                + tokenSchema.timestampColumn() + " = ? WHERE "
                + tokenSchema.processorNameColumn() + " = ? AND " + tokenSchema.segmentColumn() + " = ? AND "
                + tokenSchema.ownerColumn() + " = ?")) {
            for (int segment : segments) {
                update.setBytes(1, serialized.getData());
                update.setString(2, serialized.getType().getName());
                update.setString(3, DateTimeUtils.formatInstant(Instant.now()));
                update.setString(4, processor);
                update.setInt(5, segment);
                update.setString(6, nodeId);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Segment " + segment + " of " + processor + " was claimed by "
                                                    + "another node during the rebuild; the old views stay");
                }
            }
        }
    }

    /**
     * Events applied in batches of {@link #BATCH}. Each processing group applies them on a thread and a connection
     * of its own, one unit of work and one transaction per batch, while the next batch is read: the groups write
     * different tables, so they need not wait for each other.
     */
    private final class Load implements AutoCloseable {
        private final List<GroupLoad> groups = new ArrayList<>();
        private final LongConsumer rebuilt;
        private List<EventMessage<?>> pending = new ArrayList<>(BATCH);
        private List<Future<?>> applying = List.of();
        private long position;
        private long pendingPosition;
        private long applied;

        Load(List<RebuildableViews> rebuilding, LongConsumer rebuilt) throws SQLException {
            this.rebuilt = rebuilt;
            try {
                for (RebuildableViews group : rebuilding) {
                    groups.add(new GroupLoad(group, dataSource.getConnection()));
                }
            } catch (SQLException | RuntimeException failure) {
                close();
                throw failure;
            }
        }

        void add(TrackedEventMessage<?> event) {
            pending.add(event);
            pendingPosition = event.trackingToken().position().orElse(pendingPosition);
            if (pending.size() == BATCH) {
                apply();
            }
        }

        /** Waits until every event handed over is applied and committed. */
        void finish() {
            apply();
            awaitApplied();
        }

        private void apply() {
            awaitApplied();
            if (pending.isEmpty()) {
                return;
            }
            List<EventMessage<?>> batch = List.copyOf(pending);
            applying = groups.stream().<Future<?>>map(group -> group.apply(batch)).toList();
            applied += batch.size();
            position = pendingPosition;
            pending = new ArrayList<>(BATCH);
        }

        private void awaitApplied() {
            try {
                for (Future<?> group : applying) {
                    group.get();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The rebuild was interrupted", interrupted);
            } catch (ExecutionException failure) {
                throw new IllegalStateException("The rebuild failed", failure.getCause());
            }
            if (!applying.isEmpty()) {
                rebuilt.accept(position);
            }
            applying = List.of();
        }

        @Override
        public void close() {
            groups.forEach(GroupLoad::close);
        }
    }

    /** One processing group's handlers writing into its fresh tables, on a thread and a connection of its own. */
    private static final class GroupLoad {
        private final Connection connection;
        private final List<EventMessageHandler> handlers;
        private final ExecutorService thread;

        GroupLoad(RebuildableViews group, Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(
                    new SingleConnectionDataSource(new FreshTableNames(group.tables()).on(connection), true));
            this.handlers = group.handlersWritingTo(jdbc).stream()
                    .map(handler -> (EventMessageHandler) new AnnotationEventHandlerAdapter(handler)).toList();
            this.thread = Executors.newSingleThreadExecutor(task -> {
                Thread rebuilding = new Thread(task, "projection-rebuild-" + group.processingGroup());
                rebuilding.setDaemon(true);
                return rebuilding;
            });
        }

        Future<?> apply(List<EventMessage<?>> batch) {
            return thread.submit(() -> {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
                ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                    EventMessage<?> event = unitOfWork.getMessage();
                    for (EventMessageHandler handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                    return null;
                }, RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    throw new IllegalStateException("The rebuild failed on an event", result.exceptionResult());
                }
                connection.commit();
                return null;
            });
        }

        void close() {
            thread.shutdownNow();
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException failure) {
                log.warn("Could not close a rebuild connection", failure);
            }
        }
    }
}
