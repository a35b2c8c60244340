package org.incidentlearning.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.incidentlearning.command.CommandSettings;
import org.incidentlearning.command.idempotency.IdempotencyRecords;
import org.incidentlearning.command.idempotency.IdempotentCommands;
import org.incidentlearning.command.incident.IncidentCommands;
import org.incidentlearning.command.incident.RecentIncidents;
import org.incidentlearning.command.incident.RejectionTranslation;
import org.incidentlearning.command.metrics.CommandMetrics;
import org.incidentlearning.store.AcknowledgedWrites;
import org.incidentlearning.store.SharedStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Command-bus interceptors (in this order, inside the command's transaction: counting, refusal translation,
 * idempotency) and the edge's argument resolver.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandSettings.class)
public class CommandSideConfiguration implements WebMvcConfigurer {

    @Autowired
    void registerInterceptors(CommandBus commandBus, IdempotencyRecords idempotencyRecords, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new CommandMetrics(meters));
        commandBus.registerHandlerInterceptor(new RejectionTranslation());
        commandBus.registerHandlerInterceptor(new IdempotentCommands(idempotencyRecords));
    }

    /** The incidents recent commands used, kept between commands ({@code incident.command.cached-incidents}). */
    @Bean
    RecentIncidents recentIncidents(CommandSettings settings) {
        return new RecentIncidents(settings.cachedIncidents());
    }

    /** Every command's way to its incident, REST edge and importer alike. */
    @Bean
    IncidentCommands incidentCommands(CommandGateway gateway, SharedStore store, AcknowledgedWrites acknowledged) {
        return new IncidentCommands(gateway, store.isShared(), acknowledged);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandOptionsResolver());
    }
}
