package org.incidentlearning.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident.command.*} settings of the command side.
 *
 * @param cachedIncidents how many recently used incidents stay in memory between commands, so a command on a busy
 *                        incident does not read its whole history again
 */
@ConfigurationProperties("incident.command")
public record CommandSettings(@DefaultValue("2000") long cachedIncidents) {
}
