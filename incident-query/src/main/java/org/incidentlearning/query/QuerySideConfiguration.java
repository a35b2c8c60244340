package org.incidentlearning.query;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The query side's settings, bound once for every read and projection that needs them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
public class QuerySideConfiguration {
}
