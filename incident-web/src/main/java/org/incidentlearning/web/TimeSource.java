package org.incidentlearning.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one clock of a deployable, so tests can fix time; handlers take time from events, never from here. */
@Configuration(proxyBeanMethods = false)
public class TimeSource {

    @Bean
    @ConditionalOnMissingBean
    static Clock clock() {
        return Clock.systemUTC();
    }
}
