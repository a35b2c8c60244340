package org.incidentlearning.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * incident.* settings of the store: where this node keeps its files and what it is called, and how appends
 * and readers of the event store wait.
 *
 * @param dataDir            where this node keeps its files: the embedded H2 store (incidents.mv.db) and the
 *                           first start's admin key; env INCIDENT_DATA_DIR
 * @param dataCompactOnClose how long the embedded store may compact its file on a graceful stop (H2's
 *                           MAX_COMPACT_TIME)
 * @param nodeId             this node's name where nodes sharing a store tell each other apart (owner of its
 *                           segment claims, its PostgreSQL sessions' application name); default the JVM's
 *                           pid@host
 * @param eventStore         how appends and readers of the event store wait
 */
@ConfigurationProperties(StoreSettings.PREFIX)
public record StoreSettings(@DefaultValue("./data") Path dataDir,
                            @DefaultValue("5s") Duration dataCompactOnClose,
                            String nodeId,
                            @DefaultValue EventStore eventStore) {

    static final String PREFIX = "incident";
    static final String NODE_ID = PREFIX + ".node-id";

    /**
     * @param lockTimeout how long an append waits for the store's append lock behind other appends before it is
     *                    answered 503 STORE_BUSY with nothing stored (H2's LOCK_TIMEOUT, PostgreSQL's
     *                    lock_timeout)
     * @param gapTimeout  how long a reader keeps waiting for a hole in the global index once the event after it is
     *                    this old (Axon's gap timeout); with the append lock every hole is a rolled-back append
     */
    public record EventStore(@DefaultValue("10s") Duration lockTimeout,
                             @DefaultValue("60s") Duration gapTimeout) {
    }

    /** The settings as bound before the application context exists, for the environment's own post-processors. */
    static StoreSettings of(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, StoreSettings.class);
    }
}
