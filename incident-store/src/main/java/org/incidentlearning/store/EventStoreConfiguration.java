package org.incidentlearning.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * All of Axon's wiring for this deployable in one place. The event store is Axon's JDBC engine on the schema the
 * Flyway migrations own (snake_case names, identity global index), appending through the tamper-evidence hash
 * chain; events, messages and tokens are JSON through
 * one Jackson serializer with its own mapper, so changes to the REST edge's mapper never reach stored events. The
 * projections' processors are tuned where the query side keeps its defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreSettings.class)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @Primary
    public Serializer serializer() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, appending through the hash chain. A reader stops
     * waiting for a hole in the global index once the event after it is older than {@code gapTimeout}.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 StoreSettings settings) {
        return new HashChainedStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .appendEvents(new HashChainedAppend())
                .gapTimeout(Math.toIntExact(settings.eventStore().gapTimeout().toMillis())));
    }

    /**
     * A duplicate key is SQLState 23505 on H2 and PostgreSQL alike. Axon's default JDBC resolver knows only the
     * exception class H2 throws, so on PostgreSQL a lost race for a sequence number would not be a
     * {@code ConcurrencyException} and the command edge would not retry it.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** Axon's JDBC token store as its auto-configuration builds it, with this node's id as the claims' owner. */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 TokenStoreProperties properties, StoreSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
    }

    /** What the projections' processors read (their {@code source}): the store, telling them of new events. */
    @Bean
    public LiveEventSource liveEventSource(EventStore eventStore) {
        return new LiveEventSource(eventStore);
    }

    @Bean
    static PostgresSessions postgresSessions(Environment environment) {
        return new PostgresSessions(environment);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
