package org.incidentlearning.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * incident.* settings of the query side: how long a read waits for the views, and the live streams.
 *
 * @param readYourWritesTimeout how long a read waits for the views to catch up with what was already stored when it
 *                              arrived (read-your-writes); after it the read answers what the views hold
 * @param stream                the live views over Server-Sent Events
 */
@ConfigurationProperties("incident")
public record QuerySettings(@DefaultValue("2s") Duration readYourWritesTimeout,
                            @DefaultValue Stream stream) {

    /**
     * @param maxClients how many streams may be open at once; the next one is answered 503 STORE_BUSY
     * @param heartbeat  how often an idle stream sends a comment, so proxies do not close it
     */
    public record Stream(@DefaultValue("200") int maxClients,
                         @DefaultValue("15s") Duration heartbeat) {
    }
}
