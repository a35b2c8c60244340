package org.incidentlearning.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Points the embedded H2 store at {@code incident.data-dir} (env {@code INCIDENT_DATA_DIR}, default {@code ./data})
 * unless a datasource URL is configured. {@code WRITE_DELAY=0} makes every commit reach the file before the
 * command is answered, so {@code kill -9} loses nothing acknowledged. Appends queue for one lock (see
 * {@code HashChainedAppend}); {@code LOCK_TIMEOUT} ({@code incident.event-store.lock-timeout}, 10 s) lets one wait
 * behind a slow one longer than H2's 2 s. With {@code WRITE_DELAY=0} H2 runs no background writer, and so never
 * compacts its file while open: {@code MAX_COMPACT_TIME} ({@code incident.data-compact-on-close}, 5 s) lets it
 * compact on a graceful stop instead of H2's 200 ms (a 524 MB store came down to 72 MB in one stop). The
 * {@code postgres} profile has no such default: without a datasource URL it refuses to start rather than quietly
 * keep the data in a local file.
 */
public class EmbeddedStoreLocation implements EnvironmentPostProcessor {

    static final String DATA_DIR = "incident.data-dir";
    static final String POSTGRES_PROFILE = "postgres";
    static final String LOCK_TIMEOUT = "incident.event-store.lock-timeout";
    static final String COMPACT_ON_CLOSE = "incident.data-compact-on-close";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of(POSTGRES_PROFILE))) {
            throw new IllegalStateException("The postgres profile needs spring.datasource.url (with .username and "
                                            + ".password), e.g. jdbc:postgresql://localhost:5432/incidents");
        }
        // H2 creates the directory itself; an absolute path spares H2's refusal of implicitly relative ones.
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "./data")).toAbsolutePath().normalize();
        Duration lockTimeout = DurationStyle.detectAndParse(environment.getProperty(LOCK_TIMEOUT, "10s"));
        Duration compactOnClose = DurationStyle.detectAndParse(environment.getProperty(COMPACT_ON_CLOSE, "5s"));
        String url = "jdbc:h2:file:" + dataDir.resolve("incidents")
                     + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=" + lockTimeout.toMillis()
                     + ";MAX_COMPACT_TIME=" + compactOnClose.toMillis();
        environment.getPropertySources().addLast(new MapPropertySource("embeddedStore",
                Map.of("spring.datasource.url", url)));
    }
}
