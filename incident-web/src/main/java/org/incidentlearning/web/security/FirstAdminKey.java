package org.incidentlearning.web.security;

import org.incidentlearning.store.StoreSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * A service with no API key at all could never be used: on such a first start (and only with
 * {@code bootstrap-admin-key}, which production turns off) one ADMIN key is created and written to
 * {@code <data-dir>/bootstrap-admin.key}, readable by the service's user only. The log names the file, never the key.
 * With the bootstrap off and no key anywhere, the service refuses to start instead of running unusable.
 */
@Component
public class FirstAdminKey implements ApplicationRunner {

    static final String FILE = "bootstrap-admin.key";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminKey.class);

    private final SecuritySettings settings;
    private final ApiKeys apiKeys;
    private final StoredApiKeys stored;
    private final Path dataDir;
    private final Clock clock;

    public FirstAdminKey(SecuritySettings settings, ApiKeys apiKeys, StoredApiKeys stored,
                         StoreSettings store, Clock clock) {
        this.settings = settings;
        this.apiKeys = apiKeys;
        this.stored = stored;
        this.dataDir = store.dataDir();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (settings.mode() != SecuritySettings.Mode.API_KEYS || apiKeys.anyConfigured() || stored.activeCount() > 0) {
            return;
        }
        if (!settings.bootstrapAdminKey()) {
            throw new IllegalStateException("No API key is configured or stored, so nobody could use the service: "
                    + "set incident.security.api-keys[0].key/.roles (see docs/security.md)");
        }
        String key = ApiKeys.newKey();
        stored.add(new StoredApiKeys.StoredApiKey(UUID.randomUUID().toString(), "bootstrap-admin-"
                + clock.instant().getEpochSecond(), null, Set.of(Role.ADMIN), clock.instant(), "bootstrap", null,
                null), ApiKeys.hashOf(key));
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, key + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        log.warn("No API key was configured: created an ADMIN key and wrote it to {}. Use it to create keys with "
                 + "POST /api/admin/api-keys, then delete the file (docs/security.md).", file.toAbsolutePath());
    }
}
