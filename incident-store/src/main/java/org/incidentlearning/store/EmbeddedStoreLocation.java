package org.incidentlearning.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.nio.file.Path;
import java.util.Map;

/**
 * Points the embedded H2 store at {@code incident.data-dir} unless a datasource URL is configured. H2's background
 * writer stores what was committed every {@code WRITE_DELAY}; a write is made durable before it is acknowledged by
 * {@link AcknowledgedWrites}, so {@code kill -9} loses nothing acknowledged. Appends queue for one lock (see
 * {@code HashChainedAppend}); {@code LOCK_TIMEOUT} (the event store's lock timeout) lets one wait behind a slow one
 * longer than H2's 2 s. {@code MAX_COMPACT_TIME} ({@code incident.data-compact-on-close}) lets H2 compact its file on
 * a graceful stop for longer than its 200 ms. The {@code postgres} profile has no such default: without a datasource
 * URL it refuses to start rather than quietly keep the data in a local file.
 */
public class EmbeddedStoreLocation implements EnvironmentPostProcessor {

    static final String POSTGRES_PROFILE = "postgres";
    /** H2's own default: how long what was committed may stay in memory before the background writer stores it. */
    static final int WRITE_DELAY_MS = 500;
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of(POSTGRES_PROFILE))) {
            throw new IllegalStateException("The postgres profile needs spring.datasource.url (with .username and "
                                            + ".password), e.g. jdbc:postgresql://localhost:5432/incidents");
        }
        StoreSettings settings = StoreSettings.of(environment);
        // H2 creates the directory itself; an absolute path spares H2's refusal of implicitly relative ones.
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("incidents")
                     + ";WRITE_DELAY=" + WRITE_DELAY_MS + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT="
                     + settings.eventStore().lockTimeout().toMillis()
                     + ";MAX_COMPACT_TIME=" + settings.dataCompactOnClose().toMillis();
        // H2's own administrator, with no password: the file is this process's alone.
        environment.getPropertySources().addLast(new MapPropertySource("embeddedStore", Map.of(
                "spring.datasource.url", url, "spring.datasource.username", "sa", "spring.datasource.password", "")));
    }
}
