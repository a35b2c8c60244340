package org.incidentlearning.store;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's URL: durable commits, the lock wait, and compaction when the service stops. */
class EmbeddedStoreLocationTest {

    private static String url(MockEnvironment environment) {
        new EmbeddedStoreLocation().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.datasource.url");
    }

    @Test
    void defaultsKeepEveryCommitAndCompactForFiveSecondsOnClose() {
        String url = url(new MockEnvironment().withProperty("incident.data-dir", "/srv/incidents"));
        assertThat(url).startsWith("jdbc:h2:file:/srv/incidents/incidents;")
                .contains(";WRITE_DELAY=500;", ";LOCK_TIMEOUT=10000", ";MAX_COMPACT_TIME=5000");
    }

    @Test
    void theCompactionTimeAndLockWaitAreSettings() {
        String url = url(new MockEnvironment().withProperty("incident.data-dir", "/srv/incidents")
                .withProperty("incident.data-compact-on-close", "30s")
                .withProperty("incident.event-store.lock-timeout", "2s"));
        assertThat(url).contains(";MAX_COMPACT_TIME=30000", ";LOCK_TIMEOUT=2000");
    }

    @Test
    void aConfiguredUrlIsLeftAlone() {
        String url = url(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x"));
        assertThat(url).isEqualTo("jdbc:h2:mem:x");
    }
}
