package org.incidentlearning.web;

import org.incidentlearning.web.security.SecuritySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * incident.* settings of the REST edge: how much a request may carry, and who may send it.
 *
 * @param maxRequestBytes the largest request body taken (413 beyond it), in bytes or with a unit (2MB)
 * @param maxImportBytes  the largest whole-store import (POST /api/import) taken
 * @param security        how requests are authenticated and limited
 */
@ConfigurationProperties("incident")
public record WebSettings(@DefaultValue("1MB") DataSize maxRequestBytes,
                          @DefaultValue("1GB") DataSize maxImportBytes,
                          @DefaultValue @NestedConfigurationProperty SecuritySettings security) {
}
