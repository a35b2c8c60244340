package org.incidentlearning.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.lang.NonNull;

/**
 * Every PostgreSQL session of this node waits for a lock at most the event store's lock timeout, as H2's
 * {@code LOCK_TIMEOUT} does on the embedded store, and is named {@code <deployable> <node id>} in
 * {@code pg_stat_activity}, where query nodes count each other to share the projections' segments.
 */
class PostgresSessions implements BeanPostProcessor {

    private final Environment environment;

    PostgresSessions(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(@NonNull Object bean, @NonNull String name) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            StoreSettings settings = StoreSettings.of(environment);
            pool.setConnectionInitSql("SET lock_timeout = '" + settings.eventStore().lockTimeout().toMillis()
                                      + "ms'");
            pool.addDataSourceProperty("ApplicationName", environment.getRequiredProperty("spring.application.name")
                                                          + " " + settings.nodeId());
        }
        return bean;
    }
}
