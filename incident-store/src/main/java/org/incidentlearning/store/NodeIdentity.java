package org.incidentlearning.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * One name for this process wherever nodes sharing a store need to tell each other apart: the owner of its segment
 * claims in {@code token_entry} and (on PostgreSQL) its sessions' {@code application_name}. It is
 * {@code incident.node-id} when configured, else the JVM's {@code pid@host}, which differs between processes on one
 * machine and between containers.
 */
public class NodeIdentity implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(StoreSettings.NODE_ID)) {
            environment.getPropertySources().addLast(new MapPropertySource("nodeIdentity",
                    Map.of(StoreSettings.NODE_ID, ManagementFactory.getRuntimeMXBean().getName())));
        }
    }
}
